package io.battdat.api.data;

import io.battdat.api.InvalidUseException;

/**
 * A {@link ColumnBatch} that its producer fills: backends and parsers allocate one, write into the columns'
 * {@code buffer()} arrays, set the row count, and hand the batch out as a read-only {@link ColumnBatch}. Users of a
 * stream never need this type; they use it to gather rows of their own ({@link #appendRows}).
 */
public final class BatchBuffer extends ColumnBatch {

    private BatchBuffer(TableLayout layout, int capacity) {
        super(layout, allocateColumns(layout, capacity));
    }

    private static Column[] allocateColumns(TableLayout layout, int capacity) {
        Column[] columns = new Column[layout.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = allocate(layout.column(i), capacity);
        }
        return columns;
    }

    private static Column allocate(ColumnSpec spec, int capacity) {
        return switch (spec.type()) {
            case FLOAT64, COMPLEX64, COMPLEX128 -> new DoubleColumn(spec, capacity);
            case FLOAT32, FLOAT16 -> new FloatColumn(spec, capacity);
            case BOOL -> new BooleanColumn(spec, capacity);
            case STRING -> new StringColumn(spec, capacity);
            default -> new LongColumn(spec, capacity);
        };
    }

    /** An empty batch able to hold {@code capacity} rows without growing. */
    public static BatchBuffer allocate(TableLayout layout, int capacity) {
        return new BatchBuffer(layout, capacity);
    }

    /** A compact copy of this batch, itself a buffer its holder may fill further. */
    @Override
    public BatchBuffer copy() {
        BatchBuffer out = allocate(layout, rowCount);
        out.appendRows(this, 0, rowCount);
        out.firstRow = firstRow;
        return out;
    }

    /** Makes room for {@code rows} rows in every column, keeping the values. */
    public void ensureCapacity(int rows) {
        for (Column c : columns) {
            ((ArrayBackedColumn) c).ensureCapacity(rows);
        }
    }

    /**
     * Sets the row count after the columns were filled.
     *
     * @throws InvalidUseException when {@code rows} is negative or above {@link #capacity()}
     */
    public void setRowCount(int rows) {
        if (rows < 0 || rows > capacity()) {
            throw new InvalidUseException("row count " + rows + " outside [0, " + capacity() + "]");
        }
        setRows(rows);
    }

    private void setRows(int rows) {
        this.rowCount = rows;
        for (Column c : columns) {
            ((ArrayBackedColumn) c).rows = rows;
        }
    }

    /** Sets the table index of the first row. */
    public void setFirstRow(long firstRow) {
        this.firstRow = firstRow;
    }

    /** Empties the batch; the capacity stays. */
    public void clear() {
        setRows(0);
    }

    /**
     * Appends rows {@code [from, to)} of a batch with the same layout, growing as needed.
     *
     * @throws InvalidUseException when the layouts differ
     */
    public void appendRows(ColumnBatch source, int from, int to) {
        if (!source.layout.equals(layout)) {
            throw new InvalidUseException("layouts differ: " + layout + " vs " + source.layout);
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
            copyRows(source.columns[i], columns[i], from, rowCount, n);
        }
        setRows(needed);
    }

    /**
     * Copies {@code rows} rows of column {@code column} of {@code source} into this batch's column of the same
     * index, from row {@code sourceRow} to row {@code targetRow}, without changing the row count. For producers
     * that assemble a batch column by column; the columns must have the same spec.
     */
    public void copyColumnRows(ColumnBatch source, int column, int sourceRow, int targetRow, int rows) {
        copyRows(source.columns[column], columns[column], sourceRow, targetRow, rows);
    }

    private static void copyRows(Column from, Column to, int sourceRow, int targetRow, int rows) {
        ((ArrayBackedColumn) to).copyRows((ArrayBackedColumn) from, sourceRow, targetRow, rows);
    }
}
