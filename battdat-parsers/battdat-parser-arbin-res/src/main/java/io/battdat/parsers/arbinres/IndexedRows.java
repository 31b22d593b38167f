package io.battdat.parsers.arbinres;

import com.healthmarketscience.jackcess.CursorBuilder;
import com.healthmarketscience.jackcess.Index;
import com.healthmarketscience.jackcess.IndexCursor;
import com.healthmarketscience.jackcess.Row;
import com.healthmarketscience.jackcess.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One test's records read through the table's own index on (Test_ID, Data_Point): the Access file keeps that
 * index (the primary key of Arbin's data tables) as a B-tree, so walking it yields the records in order while
 * holding only the index and data pages being read. The index starts at the test's first entry.
 */
final class IndexedRows implements SortedRows {
    private final IndexCursor cursor;
    private final List<String> columns;
    private final Set<String> wanted;
    private final double[] values;
    private final long testId;
    private final String testColumn;
    private final long maxRows;
    private long count;
    private boolean started;

    private IndexedRows(IndexCursor cursor, List<String> columns, String testColumn, long testId, long maxRows) {
        this.cursor = cursor;
        this.columns = columns;
        this.wanted = new LinkedHashSet<>(columns);
        this.wanted.add(testColumn);
        this.values = new double[columns.size()];
        this.testColumn = testColumn;
        this.testId = testId;
        this.maxRows = maxRows;
    }

    /**
     * The index of {@code table} whose first two columns are {@code first} then {@code second}, ascending;
     * null when the table has none.
     */
    static Index find(Table table, String first, String second) {
        for (Index index : table.getIndexes()) {
            List<? extends Index.Column> cols = index.getColumns();
            if (cols.size() >= 2 && cols.get(0).getName().equalsIgnoreCase(first) && cols.get(0).isAscending()
                    && cols.get(1).getName().equalsIgnoreCase(second) && cols.get(1).isAscending()) {
                return index;
            }
        }
        return null;
    }

    /**
     * Records of test {@code testId} through {@code index}.
     *
     * @param maxRows more records than this means a damaged index (a loop): {@link #next} fails instead
     */
    static IndexedRows open(Index index, List<String> columns, String testColumn, long testId, long maxRows)
            throws IOException {
        IndexCursor cursor = CursorBuilder.createCursor(index);
        return new IndexedRows(cursor, columns, testColumn, testId, maxRows);
    }

    @Override
    public boolean next() {
        try {
            while (true) {
                Row row;
                if (!started) {
                    started = true;
                    // positions on the first entry >= (testId, any Data_Point)
                    cursor.findClosestRowByEntry(testId);
                    row = cursor.isAfterLast() ? null : cursor.getCurrentRow(wanted);
                } else {
                    row = cursor.getNextRow(wanted);
                }
                if (row == null) {
                    return false;
                }
                if (++count > maxRows) {
                    throw new IllegalStateException("more records than the file can hold (" + maxRows
                            + "): the index is damaged");
                }
                double test = ResTable.value(row, testColumn);
                if (test > testId) {
                    return false;
                }
                if (test < testId) {
                    continue;
                }
                for (int k = 0; k < values.length; k++) {
                    values[k] = ResTable.value(row, columns.get(k));
                }
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public double get(int slot) {
        return values[slot];
    }

    @Override
    public void close() {
        // the cursor holds no resource of its own; the database is closed by its owner
    }
}
