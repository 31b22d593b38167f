package io.battdat.parquet;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.StorageType;
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
        double testTime = 0;
        double current = 0;
        double voltage = 0;
        long cycles = 0;
        long i32 = 0;
        long u32 = 0;
        long trues = 0;
        for (int r = 0; r < ROWS; r++) {
            testTime += expected.column(0).getDouble(r);
            current += expected.column(1).getDouble(r);
            voltage += (float) expected.column(2).getDouble(r);
            cycles += expected.column(4).getLong(r);
            i32 += expected.column(7).getLong(r);
            u32 += expected.column(10).getLong(r);
            trues += expected.column(12).getLong(r);
        }
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*), sum(test_time), "
                + "sum(current), sum(voltage::DOUBLE), sum(cycle_number), sum(i32), sum(u32), count_if(flag), "
                + "count(DISTINCT state), min(u64), max(u64) FROM read_parquet('" + file() + "')")) {
            assertTrue(rs.next());
            assertEquals(ROWS, rs.getLong(1));
            assertEquals(testTime, rs.getDouble(2), Math.abs(testTime) * 1e-12);
            assertEquals(current, rs.getDouble(3), 1e-9);
            assertEquals(voltage, rs.getDouble(4), Math.abs(voltage) * 1e-9);
            assertEquals(cycles, rs.getLong(5));
            assertEquals(i32, rs.getLong(6));
            assertEquals(u32, rs.getLong(7));
            assertEquals(trues, rs.getLong(8));
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

    @Test
    void weReadWhatDuckDbWrites() throws SQLException {
        Path theirs = dir.resolve("duck");
        theirs.toFile().mkdirs();
        String battery = TestingTables.metadata().toJsonExcludingNulls().replace("'", "''");
        String schema = TestingTables.schema().toJson().replace("'", "''");
        try (Statement s = duck.createStatement()) {
            s.execute("COPY (SELECT (i * 0.25)::DOUBLE AS test_time, CASE WHEN i % 10 = 3 THEN NULL ELSE sin(i) END AS current,"
                    + " (i // 100)::BIGINT AS cycle_number, ['rest', 'charging', 'discharging'][i % 3 + 1] AS state, "
                    + "(i % 2 = 0) AS flag, (i % 200)::UTINYINT AS u8 FROM range(50000) t(i)) TO '"
                    + theirs.resolve("raw_data.parquet") + "' (FORMAT PARQUET, ROW_GROUP_SIZE 12288, "
                    + "KV_METADATA {battery_metadata: '" + battery + "', table_metadata: '" + schema + "'})");
        }
        try (StoredDataset ds = new ParquetStreamReader().open(theirs)) {
            assertEquals(TestingTables.metadata().toJsonExcludingNulls(), ds.metadataJson());
            TableInfo t = ds.table("raw_data");
            assertEquals(50_000, t.rows());
            assertEquals(ColumnSpec.string("state", 11), t.layout().column(3), "width of the longest string");
            assertEquals(StorageType.UINT8, t.layout().column(5).type());
            List<List<Object>> rows = TestingTables.readAll(ds, "raw_data", ReadOptions.builder().batchRows(4_096).threads(1).prefetch(0).build());
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
}
