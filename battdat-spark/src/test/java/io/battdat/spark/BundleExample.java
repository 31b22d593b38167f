package io.battdat.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.List;
import java.util.function.Function;

/**
 * The README's Spark example written against Spark's API only, so that {@link SparkBundleIT} can run it in a class
 * loader that holds Spark's class path and the bundle jar, and no battdat class from anywhere else.
 */
public final class BundleExample implements Function<String, String> {
    /** Made by reflection inside the isolated class loader. */
    public BundleExample() {
        // stateless
    }

    /**
     * Reads {@code lake/**}{@code /*.h5} with the {@code battdat} data source and runs the README's SQL query.
     *
     * @return "groups=N files=F rows=R": result rows of the query, distinct files, rows of the view
     */
    @Override
    public String apply(String lake) {
        SparkSession spark = SparkSession.builder()
                .master("local[1]")
                .appName("battdat-bundle-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        try {
            Dataset<Row> raw = spark.read().format("battdat").option("table", "raw_data").load(lake + "/**/*.h5");
            raw.createOrReplaceTempView("raw");
            List<Row> result = spark.sql(BattdatSqlExample.DISCHARGE_CAPACITY_PER_CYCLE).collectAsList();
            long files = raw.select("file").distinct().count();
            return "groups=" + result.size() + " files=" + files + " rows=" + raw.count();
        } finally {
            spark.stop();
        }
    }
}
