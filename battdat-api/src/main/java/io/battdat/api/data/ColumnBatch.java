package io.battdat.api.data;

import io.battdat.api.KeyNotFoundException;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive rows of one table, column by column in primitive arrays.
 *
 * <p>Lifecycle: readers own their batches and refill the same batch (or one of a small pool) on every step; a
 * batch handed out by a reader is valid until the reader's next step or close. Keep data past that with
 * {@link #copy()} or by appending into a batch of your own with {@link #appendRows}. A batch is not thread-safe.
 */
public final class ColumnBatch {
    private final TableLayout layout;
    private final Column[] columns;
    private int rowCount;
    private long firstRow;

    private ColumnBatch(TableLayout layout, int capacity) {
        this.layout = layout;
        this.columns = new Column[layout.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = Column.allocate(layout.column(i), capacity);
        }
    }

    /** An empty batch able to hold {@code capacity} rows without growing. */
    public static ColumnBatch allocate(TableLayout layout, int capacity) {
        return new ColumnBatch(layout, capacity);
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
            throw new KeyNotFoundException(null, null, "no column '" + name + "'; columns are " + layout.names());
        }
        return columns[i];
    }

    /** The named float64 column. */
    public DoubleColumn doubles(String name) {
        return typed(name, DoubleColumn.class);
    }

    /** The named integer column. */
    public LongColumn longs(String name) {
        return typed(name, LongColumn.class);
    }

    /** The named string column. */
    public StringColumn strings(String name) {
        return typed(name, StringColumn.class);
    }

    private <T extends Column> T typed(String name, Class<T> type) {
        Column c = column(name);
        if (!type.isInstance(c)) {
            throw new ClassCastException("column '" + name + "' is " + c.spec().numpyDtype() + ", not held in a "
                    + type.getSimpleName());
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

    /** Makes room for {@code rows} rows in every column, keeping the values. */
    public void ensureCapacity(int rows) {
        for (Column c : columns) {
            c.ensureCapacity(rows);
        }
    }

    /** Sets the row count after the columns were filled (for readers). */
    public void setRowCount(int rows) {
        if (rows < 0 || rows > capacity()) {
            throw new IllegalArgumentException("row count " + rows + " outside [0, " + capacity() + "]");
        }
        this.rowCount = rows;
    }

    /** Sets the table index of the first row (for readers). */
    public void setFirstRow(long firstRow) {
        this.firstRow = firstRow;
    }

    /** Empties the batch; the capacity stays. */
    public void clear() {
        rowCount = 0;
    }

    /** Appends rows {@code [from, to)} of a batch with the same layout, growing as needed. */
    public void appendRows(ColumnBatch source, int from, int to) {
        if (!source.layout.equals(layout)) {
            throw new IllegalArgumentException("layouts differ: " + layout + " vs " + source.layout);
        }
        int n = to - from;
        if (n <= 0) {
            return;
        }
        int needed = Math.addExact(rowCount, n);
        if (needed > capacity()) {
            ensureCapacity(Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, 2L * Math.max(16, capacity()))));
        }
        for (int i = 0; i < columns.length; i++) {
            columns[i].copyRows(source.columns[i], from, rowCount, n);
        }
        rowCount = needed;
    }

    /** A compact copy of this batch that stays valid after the reader moves on. */
    public ColumnBatch copy() {
        ColumnBatch out = new ColumnBatch(layout, rowCount);
        out.appendRows(this, 0, rowCount);
        out.firstRow = firstRow;
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
