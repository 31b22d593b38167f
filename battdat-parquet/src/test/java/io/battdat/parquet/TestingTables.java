package io.battdat.parquet;

import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.Column;
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
import java.util.function.LongFunction;

/** Tables the tests write themselves: every scalar column type battdat has, with values derived from the row. */
final class TestingTables {
    static final String[] STATES = {"charging", "discharging", "rest", ""};

    /** Reads in batches of 1,000 rows on the caller's thread: several batches per row group, in a fixed order. */
    static final ReadOptions SMALL_BATCHES = ReadOptions.builder().batchRows(1_000).threads(1).prefetch(0).build();

    /** A column of the all-types table: what it stores, and its value in row {@code r} (boxed; tests only). */
    private record Generated(ColumnSpec spec, LongFunction<Object> valueOfRow) {
    }

    private static final List<Generated> COLUMNS = List.of(
            new Generated(ColumnSpec.of("test_time", StorageType.FLOAT64), r -> r * 0.5),
            new Generated(ColumnSpec.of("current", StorageType.FLOAT64), r -> Math.sin(r) * 2),
            new Generated(ColumnSpec.of("voltage", StorageType.FLOAT32), r -> 3.0f + (r % 1000) / 1000f),
            new Generated(ColumnSpec.of("temperature", StorageType.FLOAT16), r -> 25.0f + (r % 8) * 0.25f),
            new Generated(ColumnSpec.of("cycle_number", StorageType.INT64), r -> r / 100),
            new Generated(ColumnSpec.of("i8", StorageType.INT8), r -> (byte) r),
            new Generated(ColumnSpec.of("i16", StorageType.INT16), r -> (short) (r * 7)),
            new Generated(ColumnSpec.of("i32", StorageType.INT32), r -> (int) (r * 100_003)),
            new Generated(ColumnSpec.of("u8", StorageType.UINT8), r -> r & 0xff),
            new Generated(ColumnSpec.of("u16", StorageType.UINT16), r -> (r * 3) & 0xffff),
            new Generated(ColumnSpec.of("u32", StorageType.UINT32), r -> 4_000_000_000L + r),
            // 2^64 - 1 in even rows: above Long.MAX_VALUE
            new Generated(ColumnSpec.of("u64", StorageType.UINT64), r -> r % 2 == 0 ? -1L : r),
            new Generated(ColumnSpec.of("flag", StorageType.BOOL), r -> r % 3 == 0),
            new Generated(ColumnSpec.string("state", 11), r -> STATES[(int) (r % STATES.length)]));

    static final TableLayout ALL_TYPES = TableLayout.of(COLUMNS.stream().map(Generated::spec).toList());

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
        for (int c = 0; c < COLUMNS.size(); c++) {
            for (int i = 0; i < n; i++) {
                set(b.column(c), i, COLUMNS.get(c).valueOfRow().apply(first + i));
            }
        }
        b.setRowCount(n);
        b.setFirstRow(first);
        return b;
    }

    private static void set(Column column, int row, Object value) {
        if (column instanceof DoubleColumn d) {
            d.buffer()[row] = ((Number) value).doubleValue();
        } else if (column instanceof FloatColumn f) {
            f.buffer()[row] = ((Number) value).floatValue();
        } else if (column instanceof LongColumn l) {
            l.buffer()[row] = ((Number) value).longValue();
        } else if (column instanceof BooleanColumn flag) {
            flag.buffer()[row] = (Boolean) value;
        } else if (column instanceof StringColumn text) {
            byte[] ascii = ((String) value).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(ascii, 0, text.buffer(), row * text.width(), ascii.length);
        }
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
