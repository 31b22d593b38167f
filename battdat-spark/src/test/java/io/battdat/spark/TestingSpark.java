package io.battdat.spark;

import io.battdat.api.data.ColumnBatch;
import io.battdat.streaming.BatchStream;
import io.battdat.streaming.Battdat;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One local Spark session for every test class of the module (starting one costs seconds), and the engine's own
 * reading of a file, which the tests hold the Spark source's answers against.
 */
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

    /** Hands each batch of the file's {@code raw_data} table, as the engine reads it, to {@code each}. */
    static void forEachEngineBatch(Path file, Consumer<ColumnBatch> each) {
        try (BatchStream batches = Battdat.engine().batches(file, "raw_data")) {
            while (batches.hasNext()) {
                each.accept(batches.next());
            }
        }
    }
}
