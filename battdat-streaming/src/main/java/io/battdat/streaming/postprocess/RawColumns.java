package io.battdat.streaming.postprocess;

import io.battdat.api.ErrorLocation;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.postprocess.TableContext;

/**
 * Column access for the post-processing loops: a float64 or int64 column is used in place, any other numeric
 * column is widened once per batch into a scratch array, so the per-row loops index primitive arrays.
 */
final class RawColumns {
    private RawColumns() {
    }

    /** The index of a column the plugin cannot work without. */
    static int require(TableContext context, String name, String who) {
        int i = context.layout().indexOf(name);
        if (i < 0) {
            throw new SchemaViolationException(ErrorLocation.of(context.file(), context.table()),
                    who + " needs a '" + name + "' column; the table has " + context.layout().names(), null);
        }
        ColumnSpec spec = context.layout().column(i);
        if (spec.type() == StorageType.STRING || spec.type().name().startsWith("COMPLEX") || spec.isArray()) {
            throw new SchemaViolationException(ErrorLocation.of(context.file(), context.table()),
                    who + " needs a real number per row "
                    + "in '" + name + "'; it holds " + spec.numpyDtype() + (spec.isArray() ? " arrays" : ""), null);
        }
        return i;
    }

    /** The index of an optional column, or -1. */
    static int optional(TableLayout layout, String name) {
        return layout.indexOf(name);
    }

    /** The column's values as doubles: the backing array, or {@code scratch} (grown as needed) filled from it. */
    static double[] doubles(ColumnBatch batch, int index, double[][] scratch, int slot) {
        Column c = batch.column(index);
        if (c instanceof DoubleColumn d) {
            return d.buffer();
        }
        int n = batch.rowCount();
        double[] s = scratch[slot];
        if (s == null || s.length < n) {
            s = new double[Math.max(n, 1024)];
            scratch[slot] = s;
        }
        for (int i = 0; i < n; i++) {
            s[i] = c.getDouble(i);
        }
        return s;
    }

    /** The column's values as longs: the backing array, or {@code scratch} filled from it. */
    static long[] longs(ColumnBatch batch, int index, long[][] scratch, int slot) {
        Column c = batch.column(index);
        if (c instanceof LongColumn l) {
            return l.buffer();
        }
        int n = batch.rowCount();
        long[] s = scratch[slot];
        if (s == null || s.length < n) {
            s = new long[Math.max(n, 1024)];
            scratch[slot] = s;
        }
        for (int i = 0; i < n; i++) {
            s[i] = c.getLong(i);
        }
        return s;
    }
}
