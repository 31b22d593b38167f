package io.battdat.api.data;

import io.battdat.api.ErrorLocation;
import io.battdat.api.InvalidUseException;
import io.battdat.api.KeyNotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The columns of a table in storage order. Immutable; name lookups are hash lookups that allocate nothing. */
public final class TableLayout {
    private final List<ColumnSpec> columns;
    private final Map<String, Integer> indexByName;

    private TableLayout(List<ColumnSpec> columns) {
        this.columns = List.copyOf(columns);
        this.indexByName = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            if (indexByName.putIfAbsent(this.columns.get(i).name(), i) != null) {
                throw new InvalidUseException("duplicate column name: " + this.columns.get(i).name());
            }
        }
    }

    /** A layout of the given columns, in order; names must be unique. */
    public static TableLayout of(List<ColumnSpec> columns) {
        return new TableLayout(columns);
    }

    /** A layout of the given columns, in order; names must be unique. */
    public static TableLayout of(ColumnSpec... columns) {
        return new TableLayout(List.of(columns));
    }

    /** The columns in storage order. */
    public List<ColumnSpec> columns() {
        return columns;
    }

    /** Number of columns. */
    public int size() {
        return columns.size();
    }

    /** The column at an index. */
    public ColumnSpec column(int index) {
        return columns.get(index);
    }

    /** Index of a column, or -1 when absent. */
    public int indexOf(String name) {
        Integer i = indexByName.get(name);
        return i == null ? -1 : i;
    }

    /** Whether a column of that name exists. */
    public boolean contains(String name) {
        return indexByName.containsKey(name);
    }

    /** Column names in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnSpec c : columns) {
            names.add(c.name());
        }
        return names;
    }

    /** A layout of only the named columns, in the order given. */
    public TableLayout select(List<String> names) {
        List<ColumnSpec> picked = new ArrayList<>(names.size());
        for (String n : names) {
            int i = indexOf(n);
            if (i < 0) {
                throw new KeyNotFoundException(ErrorLocation.NONE, "no column " + n + " in " + names(), null);
            }
            picked.add(columns.get(i));
        }
        return new TableLayout(picked);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableLayout t && columns.equals(t.columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return columns.toString();
    }
}
