package io.battdat.spark;

import org.apache.spark.sql.SparkSession;

/** One local Spark session for every test class of the module (starting one costs seconds). */
final class TestingSpark {
    private TestingSpark() {
    }

    private static final class Holder {
        static final SparkSession SPARK = SparkSession.builder()
                .master("local[2]")
                .appName("battdat-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    static SparkSession spark() {
        return Holder.SPARK;
    }
}
