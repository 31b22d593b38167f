package io.battdat.api.schema;

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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds small batches for tests: double[] is float64, long[] int64, float[] float32, boolean[] bool, String[] S16. */
public final class Batches {
    private final Map<String, Object> columns = new LinkedHashMap<>();
    private final Map<String, StorageType> types = new LinkedHashMap<>();

    /** Integers stored as another integer type. */
    public record Typed(StorageType type, long[] values) {
    }

    /** A builder. */
    public static Batches of() {
        return new Batches();
    }

    /** Adds (or replaces, in place) a column. */
    public Batches with(String name, Object values) {
        columns.put(name, values);
        return this;
    }

    /** Removes a column. */
    public Batches without(String name) {
        columns.remove(name);
        return this;
    }

    /** Integers of a given storage type. */
    public Batches with(String name, StorageType type, long... values) {
        return with(name, new Typed(type, values));
    }

    /** The batch. */
    public ColumnBatch build() {
        List<ColumnSpec> specs = new ArrayList<>();
        int rows = 0;
        for (Map.Entry<String, Object> e : columns.entrySet()) {
            Object v = e.getValue();
            String n = e.getKey();
            if (v instanceof double[] d) {
                specs.add(ColumnSpec.of(n, StorageType.FLOAT64));
                rows = d.length;
            } else if (v instanceof long[] l) {
                specs.add(ColumnSpec.of(n, StorageType.INT64));
                rows = l.length;
            } else if (v instanceof float[] f) {
                specs.add(ColumnSpec.of(n, StorageType.FLOAT32));
                rows = f.length;
            } else if (v instanceof boolean[] b) {
                specs.add(ColumnSpec.of(n, StorageType.BOOL));
                rows = b.length;
            } else if (v instanceof Typed t) {
                specs.add(ColumnSpec.of(n, t.type()));
                rows = t.values().length;
            } else {
                specs.add(ColumnSpec.string(n, 16));
                rows = ((String[]) v).length;
            }
        }
        BatchBuffer b = BatchBuffer.allocate(TableLayout.of(specs), Math.max(rows, 1));
        int c = 0;
        for (Object v : columns.values()) {
            if (v instanceof double[] d) {
                System.arraycopy(d, 0, ((DoubleColumn) b.column(c)).buffer(), 0, d.length);
            } else if (v instanceof long[] l) {
                System.arraycopy(l, 0, ((LongColumn) b.column(c)).buffer(), 0, l.length);
            } else if (v instanceof float[] f) {
                System.arraycopy(f, 0, ((FloatColumn) b.column(c)).buffer(), 0, f.length);
            } else if (v instanceof boolean[] bools) {
                System.arraycopy(bools, 0, ((BooleanColumn) b.column(c)).buffer(), 0, bools.length);
            } else if (v instanceof Typed t) {
                System.arraycopy(t.values(), 0, ((LongColumn) b.column(c)).buffer(), 0, t.values().length);
            } else {
                String[] s = (String[]) v;
                for (int r = 0; r < s.length; r++) {
                    byte[] bytes = s[r].getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(bytes, 0, ((StringColumn) b.column(c)).buffer(), r * 16, bytes.length);
                }
            }
            c++;
        }
        b.setRowCount(rows);
        return b;
    }

    /** A valid raw_data table of three rows (test_time, voltage, current). */
    public static Batches raw() {
        return of().with("test_time", new double[]{0, 1, 1}).with("voltage", new double[]{3, 3.1, 3.2})
                .with("current", new double[]{1, 1, -1});
    }
}
