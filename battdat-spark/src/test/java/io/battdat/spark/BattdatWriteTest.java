package io.battdat.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code df.write.format("battdat").partitionBy("cell").save(dir)} and back. */
class BattdatWriteTest {
    @TempDir
    Path tmp;

    private Dataset<Row> source() throws IOException {
        Path fixtures = Path.of(System.getProperty("battdat.testdata", "../testdata"), "hdf5");
        assumeTrue(Files.isDirectory(fixtures), "no fixtures at " + fixtures);
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.copy(fixtures.resolve("multi-cell.h5"), in.resolve("multi-cell.h5"));
        Files.copy(fixtures.resolve("plain.h5"), in.resolve("plain.h5"));
        // plain.h5 has its table at the root: name its cell after the file
        return TestingSpark.spark().read().format("battdat").load(in.toString())
                .withColumn("cell", when(col("cell").isNull(), lit("plain")).otherwise(col("cell")));
    }

    @Test
    void writesOneFilePerCellThatReadsBackEqual() throws IOException {
        Dataset<Row> in = source();
        Path out = tmp.resolve("out");
        in.write().format("battdat").partitionBy("cell").save(out.toString());

        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("cell_a.h5", "cell_b.h5", "plain.h5"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Dataset<Row> back = TestingSpark.spark().read().format("battdat").load(out.toString());
        for (String cell : List.of("cell_a", "cell_b", "plain")) {
            List<Row> expected = in.filter(col("cell").equalTo(cell)).drop("file").collectAsList();
            List<Row> actual = back.filter(col("cell").equalTo(cell)).select(in.drop("file").columns()[0],
                    java.util.Arrays.copyOfRange(in.drop("file").columns(), 1, in.drop("file").columns().length))
                    .collectAsList();
            assertEquals(expected, actual, "rows of " + cell + " in their original order");
        }
    }

    @Test
    void writtenFileReadsWithPyTables() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Path check = Path.of(System.getProperty("battdat.shared", "../../shared"), "tools", "pytables-check.py");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        assumeTrue(Files.isRegularFile(check), "no " + check);
        Process probe = new ProcessBuilder(python.toString(), "-c", "import tables").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "PyTables is not installed");

        Path out = tmp.resolve("py");
        source().write().format("battdat").partitionBy("cell")
                .option("metadata", "{\"name\": \"from-spark\"}").save(out.toString());
        Process p = new ProcessBuilder(python.toString(), check.toString(), out.resolve("cell_a.h5").toString())
                .redirectErrorStream(true).start();
        String facts = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pytables-check timed out");
        assertEquals(0, p.exitValue(), facts);
        assertTrue(facts.contains("/cell_a/raw_data") && facts.contains("\"rows\": 1838"), facts);
    }

    @Test
    void saveModesRefuseIgnoreOverwriteAndAppend() throws IOException {
        Dataset<Row> in = source().filter(col("cell").equalTo("cell_b"));
        long rows = in.count();
        Path out = tmp.resolve("modes");
        in.write().format("battdat").partitionBy("cell").save(out.toString());
        Exception e = assertThrows(Exception.class,
                () -> in.write().format("battdat").partitionBy("cell").save(out.toString()));
        assertTrue(String.valueOf(e.getMessage()).contains("already holds files"), e.getMessage());

        in.write().format("battdat").partitionBy("cell").mode(SaveMode.Ignore).save(out.toString());
        assertEquals(rows, TestingSpark.spark().read().format("battdat").load(out.toString()).count());

        // the same rows again break the monotonic columns: refused unless the declarations may be cleared
        Exception refused = assertThrows(Exception.class,
                () -> in.write().format("battdat").partitionBy("cell").mode(SaveMode.Append).save(out.toString()));
        assertTrue(rootMessage(refused).contains("declared monotonic"), rootMessage(refused));
        assertEquals(rows, TestingSpark.spark().read().format("battdat").load(out.toString()).count(),
                "a refused append commits nothing");
        in.write().format("battdat").partitionBy("cell").mode(SaveMode.Append).option("allowNonMonotonic", "true")
                .save(out.toString());
        assertEquals(2 * rows, TestingSpark.spark().read().format("battdat").load(out.toString()).count());

        in.write().format("battdat").partitionBy("cell").mode(SaveMode.Overwrite).save(out.toString());
        assertEquals(rows, TestingSpark.spark().read().format("battdat").load(out.toString()).count());
    }

    @Test
    void withoutPartitionByTheMessageSaysWhatToDo() throws IOException {
        Dataset<Row> in = source();
        Exception e = assertThrows(Exception.class,
                () -> in.write().format("battdat").save(tmp.resolve("none").toString()));
        assertTrue(String.valueOf(e.getMessage()).contains("partitionBy(\"cell\")"), e.getMessage());
    }

    @Test
    void everyColumnTypeNullsAndNonStringCellsGoThroughTheTypedCopiers() {
        Path out = tmp.resolve("types");
        Dataset<Row> df = TestingSpark.spark().range(2_000).selectExpr(
                "id % 3 AS cell",                                             // a long cell column
                "CASE WHEN id % 7 = 0 THEN NULL ELSE id * 0.5D END AS test_time",
                "CAST(id AS FLOAT) AS voltage", "id AS cycle_number", "CAST(id AS INT) AS i32",
                "CAST(id % 1000 AS SHORT) AS i16", "CAST(id % 100 AS BYTE) AS i8", "id % 2 = 0 AS flag",
                "CASE WHEN id % 5 = 0 THEN NULL ELSE concat('s', CAST(id AS STRING)) END AS state");
        df.write().format("battdat").partitionBy("cell").save(out.toString());
        Dataset<Row> back = TestingSpark.spark().read().format("battdat").load(out.toString());
        Row sums = back.selectExpr("count(*)", "count(DISTINCT cell)", "sum(CASE WHEN isnan(test_time) THEN 1 END)",
                "sum(voltage)", "sum(cycle_number)", "sum(i32)", "sum(i16)", "sum(i8)", "count_if(flag)",
                "count_if(state = '')", "max(length(state))").first();
        assertEquals(2_000L, sums.getLong(0));
        assertEquals(3L, sums.getLong(1));
        assertEquals(286L, sums.getLong(2), "a null double is NaN");
        assertEquals(1_999_000.0, ((Number) sums.get(3)).doubleValue(), 0.0);
        assertEquals(1_999_000L, sums.getLong(4));
        assertEquals(1_999_000L, sums.getLong(5));
        assertEquals(2L * 499_500, ((Number) sums.get(6)).longValue());
        assertEquals(20L * 4_950, ((Number) sums.get(7)).longValue());
        assertEquals(1_000L, sums.getLong(8));
        assertEquals(400L, sums.getLong(9), "a null string is empty");
        assertEquals(5, sums.getInt(10), "s1999");

        // appending ints to a long column widens them; a null in an integer column names the column
        Dataset<Row> ints = TestingSpark.spark().range(10).selectExpr("0L AS cell", "0.0D AS test_time",
                "CAST(1 AS FLOAT) AS voltage", "CAST(id AS INT) AS cycle_number", "1 AS i32", "CAST(1 AS SHORT) AS i16",
                "CAST(1 AS BYTE) AS i8", "true AS flag", "'x' AS state");
        ints.write().format("battdat").partitionBy("cell").mode(SaveMode.Append).option("renumberCycles", "true")
                .option("allowNonMonotonic", "true").save(out.toString());
        assertEquals(2_010L, TestingSpark.spark().read().format("battdat").load(out.toString()).count());
        Dataset<Row> nulls = ints.withColumn("cycle_number", lit(null).cast("long"));
        Exception e = assertThrows(Exception.class, () -> nulls.write().format("battdat").partitionBy("cell")
                .mode(SaveMode.Overwrite).save(tmp.resolve("nulls").toString()));
        assertTrue(String.valueOf(rootMessage(e)).contains("column cycle_number is null"), rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" / ");
        }
        return all.toString();
    }
}
