package io.battdat.parquet;

import io.battdat.api.BadFormatException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An independent implementation checks our files and writes files we read: DuckDB (its own C++ Parquet reader and
 * writer, through JDBC). pyarrow is not installable here, so DuckDB stands in for it.
 */
class DuckDbInteropTest {
    private static final int ROWS = 7_000;
    private static Connection duck;

    @TempDir
    static Path dir;
    private static Path written;

    @BeforeAll
    static void writeAndConnect() throws SQLException {
        duck = DriverManager.getConnection("jdbc:duckdb:");
        written = dir.resolve("ours.parquet");
        try (DatasetSink sink = new ParquetStreamWriter().withRowGroupRows(2_000)
                .open(written, WriteOptions.create(TestingTables.metadata()))) {
            TableSink t = sink.createTable("raw_data", TestingTables.ALL_TYPES, TestingTables.schema(), ROWS);
            t.append(TestingTables.rows(0, ROWS), 0, ROWS);
        }
    }

    @AfterAll
    static void disconnect() throws SQLException {
        duck.close();
    }

    private static String file() {
        return written.resolve("raw_data.parquet").toString().replace("'", "''");
    }

    @Test
    void duckDbReadsTheSameRowsAndSums() throws SQLException {
        ColumnBatch expected = TestingTables.rows(0, ROWS);
        double testTime = sumAsDoubles(expected.column(0));
        double current = sumAsDoubles(expected.column(1));
        double voltage = sumAsDoubles(expected.column(2));
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*), sum(test_time), "
                + "sum(current), sum(voltage::DOUBLE), sum(cycle_number), sum(i32), sum(u32), count_if(flag), "
                + "count(DISTINCT state), min(u64), max(u64) FROM read_parquet('" + file() + "')")) {
            assertTrue(rs.next());
            assertEquals(ROWS, rs.getLong(1));
            assertEquals(testTime, rs.getDouble(2), Math.abs(testTime) * 1e-12);
            assertEquals(current, rs.getDouble(3), 1e-9);
            assertEquals(voltage, rs.getDouble(4), Math.abs(voltage) * 1e-9);
            assertEquals(sumAsLongs(expected.column(4)), rs.getLong(5));
            assertEquals(sumAsLongs(expected.column(7)), rs.getLong(6));
            assertEquals(sumAsLongs(expected.column(10)), rs.getLong(7));
            assertEquals(sumAsLongs(expected.column(12)), rs.getLong(8), "rows whose flag is true");
            assertEquals(TestingTables.STATES.length, rs.getLong(9));
            assertEquals("1", rs.getString(10));
            assertEquals("18446744073709551615", rs.getString(11), "uint64 read unsigned");
        }
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT state, i8, u16, temperature "
                + "FROM read_parquet('" + file() + "')")) {
            for (int r = 0; rs.next(); r++) {
                assertEquals(expected.row().moveTo(r).getString("state"), rs.getString(1), "row " + r);
                assertEquals(expected.column(5).getLong(r), rs.getLong(2));
                assertEquals(expected.column(9).getLong(r), rs.getLong(3));
                assertEquals(expected.column(3).getDouble(r), rs.getDouble(4), 0.0, "float16 row " + r);
            }
        }
    }

    /** The column's values summed in row order, as doubles (a float column's values widen exactly). */
    private static double sumAsDoubles(Column column) {
        double sum = 0;
        for (int r = 0; r < column.rowCount(); r++) {
            sum += column.getDouble(r);
        }
        return sum;
    }

    /** The column's values summed as longs (booleans count 1 for true). */
    private static long sumAsLongs(Column column) {
        long sum = 0;
        for (int r = 0; r < column.rowCount(); r++) {
            sum += column.getLong(r);
        }
        return sum;
    }

    @Test
    void duckDbSeesTheKeyValueMetadataWeWrote() throws SQLException {
        Map<String, String> kv = new TreeMap<>();
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM "
                + "parquet_kv_metadata('" + file() + "')")) {
            while (rs.next()) {
                kv.put(new String(rs.getBytes(1), StandardCharsets.UTF_8), new String(rs.getBytes(2),
                        StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("battdat_string_widths", "battery_metadata", "table_metadata", "write_date"),
                List.copyOf(kv.keySet()));
        assertEquals(TestingTables.metadata().toJsonExcludingNulls(), kv.get("battery_metadata"));
        assertEquals(TestingTables.schema().toJson(), kv.get("table_metadata"));
        Map<String, String> ours = ParquetFiles.readFooter(written, "/raw_data", written.resolve("raw_data.parquet"))
                .getFileMetaData().getKeyValueMetaData();
        assertEquals(ours, kv);
    }

    /**
     * Has DuckDB write a query's rows as {@code DIR/raw_data.parquet} under the test folder, with battdat's key-value
     * metadata plus {@code moreKeys} (more entries of DuckDB's {@code KV_METADATA} map, each after a comma).
     */
    private Path duckDbWrites(String folder, String select, int rowGroupRows, String moreKeys) throws SQLException {
        Path theirs = dir.resolve(folder);
        theirs.toFile().mkdirs();
        String battery = TestingTables.metadata().toJsonExcludingNulls().replace("'", "''");
        String schema = TestingTables.schema().toJson().replace("'", "''");
        try (Statement s = duck.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + theirs.resolve("raw_data.parquet") + "' (FORMAT PARQUET, "
                    + "ROW_GROUP_SIZE " + rowGroupRows + ", KV_METADATA {battery_metadata: '" + battery
                    + "', table_metadata: '" + schema + "'" + moreKeys + "})");
        }
        return theirs;
    }

    @Test
    void weReadWhatDuckDbWrites() throws SQLException {
        Path theirs = duckDbWrites("duck", "SELECT (i * 0.25)::DOUBLE AS test_time, CASE WHEN i % 10 = 3 THEN NULL "
                + "ELSE sin(i) END AS current, (i // 100)::BIGINT AS cycle_number, ['rest', 'charging', "
                + "'discharging'][i % 3 + 1] AS state, (i % 2 = 0) AS flag, (i % 200)::UTINYINT AS u8 "
                + "FROM range(50000) t(i)", 12288, "");
        try (StoredDataset ds = new ParquetStreamReader().open(theirs)) {
            assertEquals(TestingTables.metadata().toJsonExcludingNulls(), ds.metadataJson());
            TableInfo t = ds.table("raw_data");
            assertEquals(50_000, t.rows());
            assertEquals(ColumnSpec.string("state", 11), t.layout().column(3), "width of the longest string");
            assertEquals(StorageType.UINT8, t.layout().column(5).type());
            List<List<Object>> rows = TestingTables.readAll(ds, "raw_data", ReadOptions.builder().batchRows(4_096)
                    .threads(1).prefetch(0).build());
            assertEquals(50_000, rows.size());
            for (int i = 0; i < rows.size(); i += 7) {
                List<Object> row = rows.get(i);
                assertEquals(i * 0.25, (Double) row.get(0), 0.0);
                if (i % 10 == 3) {
                    assertTrue(Double.isNaN((Double) row.get(1)), "null float is NaN, as pandas reads it");
                } else {
                    assertEquals(Math.sin(i), (Double) row.get(1), 1e-15);
                }
                assertEquals((long) (i / 100), row.get(2));
                assertEquals(List.of("rest", "charging", "discharging").get(i % 3), row.get(3));
                assertEquals(i % 2 == 0, row.get(4));
                assertEquals((long) (i % 200), row.get(5));
            }
        }
    }

    @Test
    void duckDbReadsArrayMembersAsListsAndWeReadItsLists() throws SQLException {
        TableLayout layout = TableLayout.of(ColumnSpec.of("test_time", StorageType.FLOAT64),
                ColumnSpec.builder("vec", StorageType.FLOAT64).itemSize(8).shape(new int[]{3}).build(),
                ColumnSpec.builder("counts", StorageType.INT32).itemSize(4).shape(new int[]{2}).build(),
                ColumnSpec.of("z", StorageType.COMPLEX128));
        int rows = 4_000;
        BatchBuffer b = BatchBuffer.allocate(layout, rows);
        double vecSum = 0;
        long countSum = 0;
        for (int r = 0; r < rows; r++) {
            ((DoubleColumn) b.column(0)).buffer()[r] = r;
            for (int e = 0; e < 3; e++) {
                double v = r * 0.5 + e;
                ((DoubleColumn) b.column(1)).buffer()[r * 3 + e] = v;
                vecSum += v;
            }
            ((LongColumn) b.column(2)).buffer()[r * 2] = r;
            ((LongColumn) b.column(2)).buffer()[r * 2 + 1] = -2L * r;
            countSum += r - 2L * r;
            ((DoubleColumn) b.column(3)).buffer()[r * 2] = 1.0;
            ((DoubleColumn) b.column(3)).buffer()[r * 2 + 1] = r;
        }
        b.setRowCount(rows);
        Path ours = dir.resolve("arrays.parquet");
        try (DatasetSink sink = new ParquetStreamWriter().withRowGroupRows(1_000)
                .open(ours, WriteOptions.create(TestingTables.metadata()))) {
            sink.createTable("raw_data", layout, TestingTables.schema(), rows).append(b, 0, rows);
        }
        String file = ours.resolve("raw_data.parquet").toString().replace("'", "''");
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*), "
                + "sum(list_sum(vec)), sum(list_sum(counts)), min(len(vec)), max(len(vec)), sum(z[2]), "
                + "typeof(any_value(vec)), typeof(any_value(counts)) FROM read_parquet('" + file + "')")) {
            assertTrue(rs.next());
            assertEquals(rows, rs.getLong(1));
            assertEquals(vecSum, rs.getDouble(2), 1e-6);
            assertEquals(countSum, rs.getLong(3));
            assertEquals(3, rs.getLong(4));
            assertEquals(3, rs.getLong(5));
            assertEquals(rows * (rows - 1) / 2.0, rs.getDouble(6), 0.0, "complex as [real, imaginary]");
            assertEquals("DOUBLE[]", rs.getString(7));
            assertEquals("INTEGER[]", rs.getString(8));
        }

        // DuckDB's lists have OPTIONAL elements (three definition levels): a null element reads as NaN
        Path theirs = duckDbWrites("duck-lists", "SELECT (i * 0.25)::DOUBLE AS test_time, CASE WHEN i % 1000 = 7 "
                + "THEN [i, NULL] ELSE [i::DOUBLE, i * 2.0] END AS pair FROM range(30000) t(i)", 10000,
                ", battdat_array_members: '{\"pair\": {\"dtype\": \"<f8\", \"shape\": [2]}}'");
        try (StoredDataset ds = new ParquetStreamReader().open(theirs)) {
            assertEquals(ColumnSpec.builder("pair", StorageType.FLOAT64).itemSize(8).shape(new int[]{2}).build(),
                    ds.table("raw_data").layout().column(1));
            List<List<Object>> back = TestingTables.readAll(ds, "raw_data",
                    ReadOptions.builder().batchRows(4_096).threads(1).prefetch(0).build());
            assertEquals(30_000, back.size());
            for (int i = 0; i < back.size(); i++) {
                double[] pair = (double[]) back.get(i).get(1);
                assertEquals(i, pair[0], 0.0, "row " + i);
                if (i % 1000 == 7) {
                    assertTrue(Double.isNaN(pair[1]), "null element is NaN, row " + i);
                } else {
                    assertEquals(i * 2.0, pair[1], 0.0, "row " + i);
                }
            }
        }

        // a list without a recorded shape, or whose rows do not all hold the recorded count, is not an array member
        Path ragged = duckDbWrites("duck-ragged", "SELECT i::DOUBLE AS test_time, CASE WHEN i = 2500 "
                + "THEN [1.0]::DOUBLE[] ELSE [1.0, 2.0]::DOUBLE[] END AS pair FROM range(3000) t(i)", 122880,
                ", battdat_array_members: '{\"pair\": {\"dtype\": \"<f8\", \"shape\": [2]}}'");
        try (StoredDataset ds = new ParquetStreamReader().open(ragged)) {
            BadFormatException e = assertThrows(BadFormatException.class, () -> TestingTables.readAll(ds, "raw_data",
                    ReadOptions.builder().batchRows(1_000).threads(1).prefetch(0).build()));
            assertTrue(e.getMessage().contains("'pair'") && e.getMessage().contains("2500"), e.getMessage());
        }
    }
}
