package io.battdat.parsers.arbinres;

import com.healthmarketscience.jackcess.Cursor;
import com.healthmarketscience.jackcess.CursorBuilder;
import com.healthmarketscience.jackcess.Row;
import com.healthmarketscience.jackcess.Table;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One test's records sorted by Data_Point when the table has no usable index: the table is read in storage order
 * into a chunk of at most {@code chunkRows} records, each full chunk is sorted and written to a temporary file (a
 * run), and the runs are merged. Memory: one chunk, plus one read buffer per run while merging. Records with the
 * same Data_Point keep their storage order (runs are merged stably), so none is dropped or reordered needlessly.
 */
final class ExternalSortRows implements SortedRows {
    private static final int RUN_BUFFER = 8192;

    private final int width;
    private final int sortSlot;
    private final double[] chunk;
    private final long[] keys;
    private int chunkRows;
    private int position = -1;
    private Path spillDir;
    private final List<Path> runs = new ArrayList<>();
    private DataInputStream[] readers;
    private double[][] heads;
    private int[] heap;
    private int heapSize;
    private double[] current;
    private boolean merging;

    private ExternalSortRows(int width, int sortSlot, int chunkCapacity) {
        this.width = width;
        this.sortSlot = sortSlot;
        this.chunk = new double[chunkCapacity * width];
        this.keys = new long[chunkCapacity];
    }

    /**
     * Reads and sorts the records of test {@code testId}.
     *
     * @param columns     the columns to keep; {@code columns.get(sortSlot)} is the sort key (Data_Point)
     * @param chunkRows   records sorted in memory at once
     * @param maxRows     more records than this means a damaged table (a loop): fails instead
     */
    static ExternalSortRows sort(Table table, List<String> columns, int sortSlot, String testColumn, long testId,
                                 int chunkRows, long maxRows) throws IOException {
        ExternalSortRows rows = new ExternalSortRows(columns.size(), sortSlot, chunkRows);
        try {
            rows.fill(table, columns, testColumn, testId, maxRows);
        } catch (IOException | RuntimeException e) {
            rows.close();
            throw e;
        }
        return rows;
    }

    private void fill(Table table, List<String> columns, String testColumn, long testId, long maxRows)
            throws IOException {
        Set<String> wanted = new LinkedHashSet<>(columns);
        wanted.add(testColumn);
        Cursor cursor = CursorBuilder.createCursor(table);
        long count = 0;
        Row row;
        while ((row = cursor.getNextRow(wanted)) != null) {
            if (++count > maxRows) {
                throw new IllegalStateException("more records than the file can hold (" + maxRows
                        + "): the table is damaged");
            }
            if (ResTable.value(row, testColumn) != testId) {
                continue;
            }
            if (chunkRows == keys.length) {
                spill();
            }
            int base = chunkRows * width;
            for (int k = 0; k < width; k++) {
                chunk[base + k] = ResTable.value(row, columns.get(k));
            }
            double point = chunk[base + sortSlot];
            if (point != Math.rint(point) || Math.abs(point) > Integer.MAX_VALUE) {
                throw new IllegalStateException("record " + count + " has no integral Data_Point (" + point + ")");
            }
            // Data_Point (32-bit) above, position in the chunk below: one primitive sort, stable
            keys[chunkRows] = ((long) point << 32) | chunkRows;
            chunkRows++;
        }
        if (runs.isEmpty()) {
            Arrays.sort(keys, 0, chunkRows); // everything fitted in one chunk: served from memory
        } else {
            spill();
            startMerge();
        }
    }

    private void spill() throws IOException {
        Arrays.sort(keys, 0, chunkRows);
        if (spillDir == null) {
            spillDir = Files.createTempDirectory("battdat-arbin-res");
        }
        Path run = spillDir.resolve("run-" + runs.size());
        runs.add(run);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
            for (int r = 0; r < chunkRows; r++) {
                int base = (int) keys[r] * width;
                for (int k = 0; k < width; k++) {
                    out.writeDouble(chunk[base + k]);
                }
            }
        }
        chunkRows = 0;
    }

    private void startMerge() throws IOException {
        merging = true;
        readers = new DataInputStream[runs.size()];
        heads = new double[runs.size()][width];
        heap = new int[runs.size()];
        for (int r = 0; r < runs.size(); r++) {
            readers[r] = new DataInputStream(new BufferedInputStream(Files.newInputStream(runs.get(r)), RUN_BUFFER));
            if (readHead(r)) {
                heap[heapSize++] = r;
                siftUp(heapSize - 1);
            }
        }
    }

    private boolean readHead(int run) throws IOException {
        try {
            for (int k = 0; k < width; k++) {
                heads[run][k] = readers[run].readDouble();
            }
            return true;
        } catch (EOFException end) {
            return false;
        }
    }

    /** Whether run {@code a}'s head comes before run {@code b}'s: by Data_Point, then run order (stable). */
    private boolean before(int a, int b) {
        double x = heads[a][sortSlot];
        double y = heads[b][sortSlot];
        return x < y || (x == y && a < b);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!before(heap[i], heap[parent])) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[parent];
            heap[parent] = t;
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            int smallest = i;
            if (l < heapSize && before(heap[l], heap[smallest])) {
                smallest = l;
            }
            if (l + 1 < heapSize && before(heap[l + 1], heap[smallest])) {
                smallest = l + 1;
            }
            if (smallest == i) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[smallest];
            heap[smallest] = t;
            i = smallest;
        }
    }

    /** Number of temporary runs written (0 when the test fitted in one chunk). */
    int runCount() {
        return runs.size();
    }

    @Override
    public boolean next() {
        if (!merging) {
            position++;
            return position < chunkRows;
        }
        try {
            if (current != null) {
                // the record handed out last time is replaced by the next of its run
                int top = heap[0];
                if (readHead(top)) {
                    siftDown(0);
                } else {
                    heap[0] = heap[--heapSize];
                    siftDown(0);
                }
            }
            if (heapSize == 0) {
                current = null;
                return false;
            }
            current = heads[heap[0]];
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("reading a temporary sort run: " + e.getMessage(), e);
        }
    }

    @Override
    public double get(int slot) {
        if (!merging) {
            return chunk[(int) keys[position] * width + slot];
        }
        return current[slot];
    }

    @Override
    public void close() {
        if (readers != null) {
            for (DataInputStream in : readers) {
                if (in != null) {
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // a temporary file; deleted below
                    }
                }
            }
        }
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException ignored) {
                // best effort: the directory is under the system's temporary folder
            }
        }
        if (spillDir != null) {
            try {
                Files.deleteIfExists(spillDir);
            } catch (IOException ignored) {
                // best effort, as above
            }
        }
    }
}
