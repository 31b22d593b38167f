package io.battdat.api.data;

import io.battdat.api.ErrorLocation;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.SchemaViolationException;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive rows of one table, column by column in primitive arrays.
 *
 * <p>This is the read-only view that streams hand out; producers (backends, parsers) fill a {@link BatchBuffer},
 * which is one. Lifecycle: readers own their batches and refill the same batch (or one of a small pool) on every
 * step; a batch handed out by a reader is valid until the reader's next step or close. Keep data past that with
 * {@link #copy()} or by appending into a {@link BatchBuffer} of your own. A batch is not thread-safe.
 */
public abstract sealed class ColumnBatch permits BatchBuffer {
    final TableLayout layout;
    final Column[] columns;
    int rowCount;
    long firstRow;

    ColumnBatch(TableLayout layout, Column[] columns) {
        this.layout = layout;
        this.columns = columns;
    }

    /** The columns' specs. */
    public TableLayout layout() {
        return layout;
    }

    /** Rows in this batch. */
    public int rowCount() {
        return rowCount;
    }

    /** Index within the table of this batch's first row (0 when the batch is not tied to a table position). */
    public long firstRow() {
        return firstRow;
    }

    /** Number of columns. */
    public int columnCount() {
        return columns.length;
    }

    /** The column at an index. */
    public Column column(int index) {
        return columns[index];
    }

    /** The named column; {@link KeyNotFoundException} listing the columns when absent. */
    public Column column(String name) {
        int i = layout.indexOf(name);
        if (i < 0) {
            throw new KeyNotFoundException(ErrorLocation.NONE,
                    "no column '" + name + "'; columns are " + layout.names(), null);
        }
        return columns[i];
    }

    /** The named float64 (or complex) column; {@link SchemaViolationException} when it holds another type. */
    public DoubleColumn doubles(String name) {
        return typed(name, DoubleColumn.class);
    }

    /** The named integer column; {@link SchemaViolationException} when it holds another type. */
    public LongColumn longs(String name) {
        return typed(name, LongColumn.class);
    }

    /** The named string column; {@link SchemaViolationException} when it holds another type. */
    public StringColumn strings(String name) {
        return typed(name, StringColumn.class);
    }

    private <T extends Column> T typed(String name, Class<T> type) {
        Column c = column(name);
        if (!type.isInstance(c)) {
            throw new SchemaViolationException(ErrorLocation.NONE, "column '" + name + "' is " + c.spec().numpyDtype()
                    + ", not held in a " + type.getSimpleName(), null);
        }
        return type.cast(c);
    }

    /** Rows the columns can hold without growing. */
    public int capacity() {
        int cap = Integer.MAX_VALUE;
        for (Column c : columns) {
            cap = Math.min(cap, c.capacity());
        }
        return cap;
    }

    /** A compact copy of this batch that stays valid after the reader moves on. */
    public ColumnBatch copy() {
        BatchBuffer out = BatchBuffer.allocate(layout, rowCount);
        out.appendRows(this, 0, rowCount);
        out.setFirstRow(firstRow);
        return out;
    }

    /** A row view positioned on row 0; move it with {@link Row#moveTo(int)}. */
    public Row row() {
        return new Row(this);
    }

    /** The column names. */
    public List<String> columnNames() {
        return new ArrayList<>(layout.names());
    }

    @Override
    public String toString() {
        return "ColumnBatch[" + rowCount + " rows, " + layout + "]";
    }
}
