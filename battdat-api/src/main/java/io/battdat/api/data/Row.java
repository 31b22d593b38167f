package io.battdat.api.data;

import io.battdat.api.ErrorLocation;
import io.battdat.api.KeyNotFoundException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cursor over the rows of a {@link ColumnBatch}: typed getters read the current row in place and allocate
 * nothing. A record stream hands out the same {@code Row} for every record, moved forward; it is valid until
 * the stream advances. Copy what you keep ({@link #toMap()}).
 */
public final class Row {
    private final ColumnBatch batch;
    private int index;

    Row(ColumnBatch batch) {
        this.batch = batch;
    }

    /** Moves to a row of the current batch. */
    public Row moveTo(int index) {
        this.index = index;
        return this;
    }

    /** The row's index within its batch. */
    public int index() {
        return index;
    }

    /** The row's index within its table. */
    public long tableRow() {
        return batch.firstRow() + index;
    }

    /** The batch this row belongs to. */
    public ColumnBatch batch() {
        return batch;
    }

    /** The table's columns. */
    public TableLayout layout() {
        return batch.layout();
    }

    /** Index of a column, with a clear error when it does not exist. */
    public int columnIndex(String name) {
        int i = batch.layout().indexOf(name);
        if (i < 0) {
            throw new KeyNotFoundException(ErrorLocation.NONE, "no column '" + name + "'; columns are "
                    + batch.layout().names(), null);
        }
        return i;
    }

    /** The value of column {@code column} as a double. */
    public double getDouble(int column) {
        return batch.column(column).getDouble(index);
    }

    /** The named column's value as a double. */
    public double getDouble(String name) {
        return getDouble(columnIndex(name));
    }

    /** The value of column {@code column} as a long. */
    public long getLong(int column) {
        return batch.column(column).getLong(index);
    }

    /** The named column's value as a long. */
    public long getLong(String name) {
        return getLong(columnIndex(name));
    }

    /** The value of a bool column. */
    public boolean getBoolean(int column) {
        return batch.column(column).getLong(index) != 0;
    }

    /** The named bool column's value. */
    public boolean getBoolean(String name) {
        return getBoolean(columnIndex(name));
    }

    /** The value of a string column (trailing NULs stripped). */
    public String getString(int column) {
        Column c = batch.column(column);
        return c instanceof StringColumn s ? s.get(index) : String.valueOf(c.getObject(index));
    }

    /** The named string column's value. */
    public String getString(String name) {
        return getString(columnIndex(name));
    }

    /** The value boxed (slow path). */
    public Object getObject(int column) {
        return batch.column(column).getObject(index);
    }

    /** The named column's value boxed (slow path). */
    public Object getObject(String name) {
        return getObject(columnIndex(name));
    }

    /** A copy of the row as column name to boxed value, in column order. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int c = 0; c < batch.columnCount(); c++) {
            out.put(batch.layout().column(c).name(), getObject(c));
        }
        return out;
    }

    @Override
    public String toString() {
        return batch == null ? "Row[detached]" : "Row" + toMap();
    }
}
