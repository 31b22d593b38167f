package io.battdat.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A directory of the project's PyTables-written fixtures (single-cell, multi-cell, compressed, mixed column
 * types) read as one DataFrame equals what the engine computes file by file.
 */
class BattdatReadTest {
    @TempDir
    static Path tmp;
    static Path lake;
    /** Engine facts by "file|cell". */
    static final Map<String, TestingFacts> EXPECTED = new HashMap<>();

    @BeforeAll
    static void copyFixtures() throws IOException {
        Path fixtures = Path.of(System.getProperty("battdat.testdata", "../testdata"), "hdf5");
        assumeTrue(Files.isDirectory(fixtures), "no fixtures at " + fixtures);
        lake = tmp.resolve("lake");
        Files.createDirectories(lake.resolve("site-b"));
        try (Stream<Path> files = Files.list(fixtures)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".h5")).toList()) {
                // one file one level down: the glob must cross directories
                Path target = f.getFileName().toString().equals("multi-cell.h5")
                        ? lake.resolve("site-b").resolve(f.getFileName()) : lake.resolve(f.getFileName());
                Files.copy(f, target);
                TestingFacts.of(target, "raw_data").forEach((cell, facts) ->
                        EXPECTED.put(target.toAbsolutePath().normalize() + "|" + cell, facts));
            }
        }
    }

    private static SparkSession spark() {
        return TestingSpark.spark();
    }

    private static Dataset<Row> lakeDf() {
        return spark().read().format("battdat").option("table", "raw_data").load(lake + "/**/*.h5");
    }

    @Test
    void countsSumsAndCyclesPerCellEqualTheEngine() {
        Dataset<Row> df = lakeDf();
        long expectedRows = EXPECTED.values().stream().mapToLong(TestingFacts::rows).sum();
        assertEquals(expectedRows, df.count());

        List<Row> perCell = df.groupBy("file", "cell")
                .agg(org.apache.spark.sql.functions.count("*"), org.apache.spark.sql.functions.sum("current"),
                        org.apache.spark.sql.functions.sum("voltage"),
                        org.apache.spark.sql.functions.countDistinct(col("cycle_number")))
                .collectAsList();
        long nonEmpty = EXPECTED.values().stream().filter(f -> f.rows() > 0).count();
        assertEquals(nonEmpty, perCell.size(), "one group per non-empty table: " + perCell);
        for (Row r : perCell) {
            String key = r.getString(0) + "|" + (r.isNullAt(1) ? "" : r.getString(1));
            TestingFacts facts = EXPECTED.get(key);
            assertTrue(facts != null, "unexpected group " + key + " in " + EXPECTED.keySet());
            assertEquals(facts.rows(), r.getLong(2), key);
            assertEquals(facts.sums().get("current"), r.getDouble(3), 1e-9 * Math.max(1, Math.abs(r.getDouble(3))), key);
            assertEquals(facts.sums().get("voltage"), r.getDouble(4), 1e-9 * Math.max(1, Math.abs(r.getDouble(4))), key);
            assertEquals(facts.cycles().size(), r.getLong(5), key);
        }
    }

    @Test
    void mergesColumnSetsByNameAndWidensNumbers() {
        StructType schema = lakeDf().schema();
        assertEquals(DataTypes.DoubleType, schema.apply("current").dataType(), "float32 in mixed-types widened");
        assertEquals(DataTypes.LongType, schema.apply("cycle_number").dataType(), "int32 in mixed-types widened");
        assertEquals(DataTypes.StringType, schema.apply("file").dataType());
        assertEquals(DataTypes.StringType, schema.apply("cell").dataType());
        assertTrue(schema.apply("pressure_kpa").nullable());

        Dataset<Row> df = lakeDf();
        long mixedRows = EXPECTED.entrySet().stream().filter(e -> e.getKey().contains("mixed-types"))
                .mapToLong(e -> e.getValue().rows()).sum();
        assertEquals(mixedRows, df.filter(col("pressure_kpa").isNotNull()).count());
        assertEquals(mixedRows, df.filter(col("method").isNull()).count(), "columns a file lacks are null");
    }

    @Test
    void strictSchemaRefusesDifferentColumnSetsNamingBothFiles() {
        Exception e = assertThrows(Exception.class, () -> spark().read().format("battdat")
                .option("mergeSchema", "false").load(lake + "/**/*.h5").schema());
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains("mergeSchema=true") && message.contains("mixed-types.h5"), message);
    }

    @Test
    void cellAndFileFiltersPrunePartitionsBeforeReading() {
        Dataset<Row> cellA = lakeDf().filter(col("cell").equalTo("cell_a"));
        assertEquals(1, cellA.javaRDD().getNumPartitions(), "only cell_a's table is planned");
        long expected = EXPECTED.entrySet().stream().filter(e -> e.getKey().endsWith("|cell_a"))
                .mapToLong(e -> e.getValue().rows()).sum();
        assertEquals(expected, cellA.count());

        Dataset<Row> plain = lakeDf().filter(col("file").endsWith("/plain.h5"));
        assertEquals(1, plain.javaRDD().getNumPartitions());
    }

    @Test
    void cycleFilterSkipsBatchesAndKeepsEveryMatchingRow() {
        long viaSpark = lakeDf().filter(col("cycle_number").equalTo(1)).count();
        long viaFullScan = lakeDf().collectAsList().stream()
                .filter(r -> !r.isNullAt(r.fieldIndex("cycle_number")) && r.getLong(r.fieldIndex("cycle_number")) == 1)
                .count();
        assertEquals(viaFullScan, viaSpark);
        assertTrue(viaSpark > 0);
        assertEquals(0, lakeDf().filter(col("cycle_number").gt(1_000_000)).count());
    }

    @Test
    void selectsOneColumnAndReadsStringsAndBooleans() {
        Dataset<Row> df = lakeDf();
        assertEquals(df.count(), df.select("voltage").count());
        List<Row> states = df.filter(col("file").endsWith("/plain.h5")).select("state").distinct().collectAsList();
        assertTrue(states.stream().anyMatch(r -> "charging".equals(r.getString(0))), states.toString());
        long cv = df.filter(col("is_cv")).count();
        assertTrue(cv >= 0);
    }

    @Test
    void userSchemaWidensStoredColumns() {
        StructType wanted = new StructType().add("voltage", DataTypes.DoubleType).add("cycle_number", DataTypes.DoubleType)
                .add("cell", DataTypes.StringType);
        Dataset<Row> df = spark().read().format("battdat").schema(wanted)
                .load(lake.resolve("site-b").resolve("multi-cell.h5").toString());
        double cycles = df.agg(org.apache.spark.sql.functions.sum("cycle_number")).first().getDouble(0);
        double expected = EXPECTED.entrySet().stream().filter(e -> e.getKey().contains("multi-cell"))
                .mapToDouble(e -> e.getValue().sums().get("cycle_number")).sum();
        assertEquals(expected, cycles, 1e-9);
    }

    @Test
    void sqlExampleOfTheReadmeRuns() {
        lakeDf().createOrReplaceTempView("raw");
        List<Row> rows = spark().sql(BattdatSqlExample.DISCHARGE_CAPACITY_PER_CYCLE).collectAsList();
        long groups = lakeDf().filter(col("cycle_number").isNotNull())
                .select("file", "cell", "cycle_number").distinct().count();
        assertEquals(groups, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.isNullAt(3) || r.getDouble(3) >= 0), rows.toString());
    }

    @Test
    void missingPathIsATypedErrorNamingIt() {
        Exception e = assertThrows(Exception.class, () -> spark().read().format("battdat")
                .load(tmp.resolve("nowhere").toString()).schema());
        assertTrue(String.valueOf(e.getMessage()).contains("nowhere"), e.getMessage());
    }
}
