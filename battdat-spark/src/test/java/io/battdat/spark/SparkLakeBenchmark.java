package io.battdat.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

/**
 * Not a test: counts and sums a directory of battdat files with Spark ({@code local[N]}), four rounds in one session
 * (the first pays Spark's class loading and code generation), then a {@code cycle_number = 100} query with and
 * without monotonic pruning, two rounds each, and prints one line per round. Run by
 * {@code bench/spark_bench.sh} with this module's test class path ({@code --spark-baseline} as third argument times
 * the same aggregate over {@code spark.range} as the first query of a fresh session instead); the engine's side of the comparison is
 * {@code battdat bench read --threads 1} over the same files in sequence.
 *
 * <p>{@code --write ROWS} as third argument times {@code df.write.format("battdat").partitionBy("cell")} of ROWS
 * generated rows (test_time, current, voltage, cycle_number and a string cell column with two cells) into the
 * directory given first (replaced), after one 10,000-row warm-up write that pays Spark's code generation.
 */
public final class SparkLakeBenchmark {
    private SparkLakeBenchmark() {
    }

    public static void main(String[] args) {
        String lake = args[0];
        String master = args.length > 1 ? args[1] : "local[2]";
        SparkSession spark = SparkSession.builder().master(master).config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        if (args.length > 2 && args[2].equals("--spark-baseline")) {
            // the same aggregate over spark.range in a fresh session: what Spark's first query costs by itself
            long t0 = System.nanoTime();
            Row r = spark.range(1000).withColumn("current", col("id").cast("double"))
                    .withColumn("voltage", col("id").cast("double")).withColumn("cycle_number", col("id"))
                    .agg(count(lit(1)), sum("current"), sum("voltage"), sum("cycle_number")).first();
            System.out.printf("{\"tool\":\"spark-range\",\"round\":0,\"master\":\"%s\",\"seconds\":%.3f,"
                    + "\"rows\":%d}%n", master, (System.nanoTime() - t0) / 1e9, r.getLong(0));
            spark.stop();
            return;
        }
        if (args.length > 3 && args[2].equals("--write")) {
            try {
                write(spark, lake, master, Long.parseLong(args[3]));
            } finally {
                spark.stop();
            }
            return;
        }
        try {
            for (int round = 0; round < 4; round++) {
                long t0 = System.nanoTime();
                Dataset<Row> df = spark.read().format("battdat").load(lake);
                Row r = df.agg(count(lit(1)), sum("current"), sum("voltage"), sum("cycle_number")).first();
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("{\"tool\":\"battdat-spark\",\"round\":%d,\"master\":\"%s\",\"seconds\":%.3f,"
                                + "\"rows\":%d,\"sum_current\":%s,\"sum_voltage\":%s,\"sum_cycle_number\":%s,"
                                + "\"partitions\":%d}%n", round, master, seconds, r.getLong(0), r.get(1), r.get(2),
                        r.get(3), df.javaRDD().getNumPartitions());
            }
            // a filter on a monotonic column: chunks and files outside the range are pruned before any task
            for (int round = 0; round < 4; round++) {
                boolean pruning = round % 2 == 0;
                long t0 = System.nanoTime();
                Dataset<Row> df = spark.read().format("battdat").option("monotonicPruning", pruning).load(lake)
                        .where("cycle_number = 100");
                Row r = df.agg(count(lit(1)), sum("current")).first();
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("{\"tool\":\"battdat-spark\",\"query\":\"cycle_number = 100\","
                                + "\"monotonicPruning\":%s,\"seconds\":%.3f,\"rows\":%d,\"sum_current\":%s,"
                                + "\"partitions\":%d}%n", pruning, seconds, r.getLong(0), r.get(1),
                        df.javaRDD().getNumPartitions());
            }
        } finally {
            spark.stop();
        }
    }

    private static void write(SparkSession spark, String dir, String master, long rows) {
        for (long n : new long[]{10_000, rows}) {
            Dataset<Row> df = spark.range(n).withColumn("test_time", col("id").cast("double").multiply(0.5))
                    .withColumn("current", functions.sin(col("id").cast("double")))
                    .withColumn("voltage", lit(3.3).plus(functions.cos(col("id").cast("double")).multiply(0.1)))
                    .withColumn("cycle_number", col("id").divide(1000).cast("long"))
                    .withColumn("cell", functions.concat(lit("cell_"), col("id").mod(2).cast("string")))
                    .drop("id");
            long t0 = System.nanoTime();
            df.write().format("battdat").mode("overwrite").partitionBy("cell").save(dir);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("{\"tool\":\"battdat-spark-write\",\"master\":\"%s\",\"rows\":%d,\"seconds\":%.3f,"
                    + "\"rows_per_second\":%.0f}%n", master, n, seconds, n / seconds);
        }
    }
}
