package io.battdat.parquet;

import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Tables the tests write themselves: every scalar column type battdat has, with values derived from the row. */
final class TestingTables {
    static final TableLayout ALL_TYPES = TableLayout.of(
            ColumnSpec.of("test_time", StorageType.FLOAT64),
            ColumnSpec.of("current", StorageType.FLOAT64),
            ColumnSpec.of("voltage", StorageType.FLOAT32),
            ColumnSpec.of("temperature", StorageType.FLOAT16),
            ColumnSpec.of("cycle_number", StorageType.INT64),
            ColumnSpec.of("i8", StorageType.INT8),
            ColumnSpec.of("i16", StorageType.INT16),
            ColumnSpec.of("i32", StorageType.INT32),
            ColumnSpec.of("u8", StorageType.UINT8),
            ColumnSpec.of("u16", StorageType.UINT16),
            ColumnSpec.of("u32", StorageType.UINT32),
            ColumnSpec.of("u64", StorageType.UINT64),
            ColumnSpec.of("flag", StorageType.BOOL),
            ColumnSpec.string("state", 11));

    static final String[] STATES = {"charging", "discharging", "rest", ""};

    /** Reads in batches of 1,000 rows on the caller's thread: several batches per row group, in a fixed order. */
    static final ReadOptions SMALL_BATCHES = ReadOptions.builder().batchRows(1_000).threads(1).prefetch(0).build();

    private TestingTables() {
    }

    static BatteryMetadata metadata() {
        return BatteryMetadata.builder().name("test-cell").build();
    }

    static ColumnSchema schema() {
        return new RawData();
    }

    /** Rows {@code [first, first + n)} of the all-types table. */
    static ColumnBatch rows(long first, int n) {
        BatchBuffer b = BatchBuffer.allocate(ALL_TYPES, n);
        for (int i = 0; i < n; i++) {
            long r = first + i;
            ((DoubleColumn) b.column(0)).buffer()[i] = r * 0.5;
            ((DoubleColumn) b.column(1)).buffer()[i] = Math.sin(r) * 2;
            ((FloatColumn) b.column(2)).buffer()[i] = 3.0f + (r % 1000) / 1000f;
            ((FloatColumn) b.column(3)).buffer()[i] = 25.0f + (r % 8) * 0.25f;
            ((LongColumn) b.column(4)).buffer()[i] = r / 100;
            ((LongColumn) b.column(5)).buffer()[i] = (byte) r;
            ((LongColumn) b.column(6)).buffer()[i] = (short) (r * 7);
            ((LongColumn) b.column(7)).buffer()[i] = (int) (r * 100_003);
            ((LongColumn) b.column(8)).buffer()[i] = r & 0xff;
            ((LongColumn) b.column(9)).buffer()[i] = (r * 3) & 0xffff;
            ((LongColumn) b.column(10)).buffer()[i] = 4_000_000_000L + r;
            ((LongColumn) b.column(11)).buffer()[i] = r % 2 == 0 ? -1L : r; // 2^64 - 1: above Long.MAX_VALUE
            ((BooleanColumn) b.column(12)).buffer()[i] = r % 3 == 0;
            byte[] s = STATES[(int) (r % STATES.length)].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(s, 0, ((StringColumn) b.column(13)).buffer(), i * 11, s.length);
        }
        b.setRowCount(n);
        b.setFirstRow(first);
        return b;
    }

    /** Every row of a table, boxed, in order. */
    static List<List<Object>> readAll(StoredDataset ds, String key, ReadOptions options) {
        List<List<Object>> out = new ArrayList<>();
        try (TableCursor c = ds.openTable(key, options)) {
            while (c.next()) {
                ColumnBatch b = c.batch();
                for (int r = 0; r < b.rowCount(); r++) {
                    out.add(boxed(b, r));
                }
            }
        }
        return out;
    }

    static List<Object> boxed(ColumnBatch b, int r) {
        List<Object> row = new ArrayList<>();
        for (int c = 0; c < b.columnCount(); c++) {
            row.add(b.column(c).getObject(r));
        }
        return row;
    }
}
