package io.battdat.streaming.write;

import io.battdat.api.ErrorLocation;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.WriteException;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.StringColumn;
import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import io.battdat.streaming.StorageRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The writer path of long jobs ({@code battdat copy}, {@code convert}, and any command that writes a whole file):
 * a {@link DatasetSink} that commits by a {@link CommitPolicy}, and that can resume a file left by a killed run.
 *
 * <p><b>Periodic commits.</b> After every append, the rows written since the last commit (over all tables) and the
 * time since it are checked against the policy; the backend's {@link DatasetSink#flush()} commits every table. A
 * process killed at any moment leaves the file as of the last commit: a prefix of every table. A commit due by the
 * policy is also put off until 20 times the previous commit's duration has passed since it ended, so commits never
 * cost more than about 5% of the run whatever they cost in a backend (an HDF5 commit takes milliseconds and is never
 * put off; a Parquet commit copies the table's committed bytes, so its commits spread out as the table grows).
 *
 * <p><b>Resume</b> ({@link #resume}). The file's committed rows are read first. The producer then writes the whole
 * input again from its first row: for a table the file already has, its first rows are compared, value by value,
 * with the file's committed rows instead of being written; later rows are appended. Commits are held until every
 * table the file had has been matched, so a mismatch (a {@link WriteException} naming the table, the row, the
 * column and both values) aborts with the file unchanged. The result equals an uninterrupted run's.
 */
public final class CommittingSink implements DatasetSink {
    private static final Logger LOG = LoggerFactory.getLogger(CommittingSink.class);

    private final Path path;
    private final DatasetSink inner;
    private final CommitPolicy policy;
    private final long intervalNanos;
    /** The file's committed state when resuming, else null; its tables are read for the comparison. */
    private final StoredDataset committed;
    private final Map<String, Long> committedRows = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    /** Tables of {@link #committed} whose committed rows have not all been matched yet. */
    private int unmatched;
    private long rowsSinceCommit;
    private long lastCommit = System.nanoTime();
    private boolean firstCommitDone;
    private long commits;
    private long commitNanos;
    /** How long the last periodic commit took: the next waits at least {@link #SPACING} times as long. */
    private long lastCommitNanos;
    /** Commits are spaced by at least this many times their own duration: they cost at most ~5% of the run. */
    private static final int SPACING = 20;
    private boolean closed;

    private CommittingSink(Path path, DatasetSink inner, CommitPolicy policy, StoredDataset committed) {
        this.path = path;
        this.inner = inner;
        this.policy = policy;
        this.intervalNanos = policy.interval() == null ? Long.MAX_VALUE : policy.interval().toNanos();
        this.committed = committed;
        this.firstCommitDone = !policy.commitsFirstBatch();
        if (committed != null) {
            for (TableInfo t : committed.tables()) {
                committedRows.put(t.key(), t.rows());
            }
            unmatched = committedRows.size();
        }
    }

    /**
     * Opens {@code path} for writing with the backend the registry picks, committing by {@code policy}.
     *
     * @throws io.battdat.api.BattdatException as the backend's {@code open}
     */
    public static CommittingSink open(StorageRegistry registry, Path path, WriteOptions options, CommitPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return new CommittingSink(path, registry.openSink(path, options), policy, null);
    }

    /**
     * Opens {@code path}, left by an interrupted run, to continue after its committed rows (see the class comment).
     * A path that does not exist (the run was killed before its first commit) is written from scratch. The file's
     * metadata is kept; {@code options}' mode is ignored.
     */
    public static CommittingSink resume(StorageRegistry registry, Path path, WriteOptions options, CommitPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        removeStaleTemporaries(path);
        if (!Files.exists(path)) {
            LOG.info("{}: nothing was committed; writing it from the start", path);
            return open(registry, path, options.withMode(WriteMode.OVERWRITE), policy);
        }
        StoredDataset committed = registry.readerFor(path).open(path);
        try {
            DatasetSink inner = registry.openSink(path, options.withMode(WriteMode.APPEND));
            return new CommittingSink(path, inner, policy, committed);
        } catch (RuntimeException e) {
            committed.close();
            throw e;
        }
    }

    /** A writer's temporary name: {@code .<name>.tmp-<pid>-<nanos>}, as both backends name them. */
    private static final java.util.regex.Pattern TEMPORARY =
            java.util.regex.Pattern.compile("\\..+\\.tmp-(\\d+)-\\d+(\\.old)?");

    /**
     * Removes what killed writers left under temporary names beside {@code path} (a new file or dataset never
     * committed) and, for a dataset directory, in it and its cell folders (a table's uncommitted rows): files named
     * as our backends name their temporaries, whose process is no longer running. They hold no committed row.
     */
    static void removeStaleTemporaries(Path path) {
        Path absolute = path.toAbsolutePath();
        List<Path> folders = new java.util.ArrayList<>();
        folders.add(absolute.getParent());
        if (Files.isDirectory(absolute)) {
            folders.add(absolute);
            try (java.util.stream.Stream<Path> cells = Files.list(absolute)) {
                cells.filter(Files::isDirectory).forEach(folders::add);
            } catch (java.io.IOException e) {
                LOG.debug("{}: cannot list: {}", absolute, e.toString());
            }
        }
        String name = absolute.getFileName().toString();
        for (Path folder : folders) {
            if (folder == null) {
                continue;
            }
            try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
                for (Path p : (Iterable<Path>) entries::iterator) {
                    String n = p.getFileName().toString();
                    java.util.regex.Matcher m = TEMPORARY.matcher(n);
                    boolean ours = folder.equals(absolute.getParent()) ? n.startsWith("." + name + ".tmp-")
                            : m.matches();
                    if (ours && m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                        LOG.info("removing {}, left by a writer that is gone", p);
                        deleteRecursively(p);
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("{}: cannot remove what killed writers left: {}", folder, e.toString());
            }
        }
    }

    private static void deleteRecursively(Path p) throws java.io.IOException {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (java.util.stream.Stream<Path> inside = Files.list(p)) {
                for (Path q : (Iterable<Path>) inside::iterator) {
                    deleteRecursively(q);
                }
            }
        }
        Files.deleteIfExists(p);
    }

    /** Rows the file held when it was resumed, per table key (empty when not resuming). */
    public Map<String, Long> resumedRows() {
        return Map.copyOf(committedRows);
    }

    /** Commits made so far (periodic ones, explicit flushes and the one of {@link #close()}). */
    public long commits() {
        return commits;
    }

    /** Time spent in commits so far, in nanoseconds (what the commit policy costs). */
    public long commitNanos() {
        return commitNanos;
    }

    @Override
    public TableSink createTable(String key, TableLayout layout, ColumnSchema schema, long expectedRows) {
        Long prefix = committedRows.get(key);
        if (prefix == null) {
            return register(key, new Table(key, layout, inner.createTable(key, layout, schema, expectedRows), 0));
        }
        return resumed(key, layout);
    }

    @Override
    public TableSink appendTo(String key) {
        if (committedRows.containsKey(key)) {
            return resumed(key, null);
        }
        TableSink t = inner.appendTo(key);
        return register(key, new Table(key, t.layout(), t, 0));
    }

    private TableSink resumed(String key, TableLayout layout) {
        Table existing = tables.get(key);
        if (existing != null) {
            return existing;
        }
        TableInfo info = committed.table(key);
        if (layout != null && !layout.equals(info.layout())) {
            throw new SchemaViolationException(ErrorLocation.of(path, "/" + key),
                    "cannot resume: " + path + " has columns " + info.layout() + " but the input has " + layout, null);
        }
        Table t = new Table(key, info.layout(), null, committedRows.get(key));
        if (t.prefix == 0) {
            t.matched();
        }
        return register(key, t);
    }

    private Table register(String key, Table t) {
        tables.put(key, t);
        return t;
    }

    private void afterAppend(long rows) {
        rowsSinceCommit += rows;
        if (unmatched > 0) {
            return; // a resume commits nothing before every committed row was matched
        }
        if (!firstCommitDone) {
            flush();
            return;
        }
        boolean due = rowsSinceCommit >= policy.rows();
        if (!due && intervalNanos == Long.MAX_VALUE) {
            return;
        }
        long since = System.nanoTime() - lastCommit;
        if ((due || since >= intervalNanos) && since >= SPACING * lastCommitNanos) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (unmatched > 0) {
            return;
        }
        long start = System.nanoTime();
        inner.flush();
        lastCommit = System.nanoTime();
        if (firstCommitDone) {
            lastCommitNanos = lastCommit - start; // the first commit runs cold (class loading, publishing the name)
        }
        commitNanos += lastCommit - start;
        commits++;
        firstCommitDone = true;
        rowsSinceCommit = 0;
    }

    /**
     * Completes the file. When resuming, every table the file had must have been matched in full: an input with
     * fewer rows than the file is an error (and the file is left as it was).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (unmatched > 0) {
            for (Map.Entry<String, Long> e : committedRows.entrySet()) {
                Table t = tables.get(e.getKey());
                long seen = t == null ? 0 : t.verified;
                if (seen < e.getValue()) {
                    WriteException failure = new WriteException(ErrorLocation.of(path, "/" + e.getKey(), seen),
                            "cannot resume: "
                            + path + " has " + e.getValue() + " committed rows of /" + e.getKey() + " but the input has "
                            + (t == null ? "no such table" : "only " + seen) + "; it is not a prefix of the input",
                            null);
                    abort();
                    throw failure;
                }
            }
        }
        finish(true);
    }

    @Override
    public void abort() {
        finish(false);
    }

    /** Ends the sink once, with its last commit or without, and releases what resuming held open. */
    private void finish(boolean commit) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeCursors();
            if (commit) {
                long start = System.nanoTime();
                inner.close();
                commitNanos += System.nanoTime() - start;
                commits++;
            } else {
                inner.abort();
            }
        } finally {
            if (committed != null) {
                committed.close();
            }
        }
    }

    private void closeCursors() {
        for (Table t : tables.values()) {
            t.closeCursor();
        }
    }

    /** One table: compares the committed prefix (when resuming), then passes rows to the backend. */
    private final class Table implements TableSink {
        private final String key;
        private final TableLayout layout;
        private TableSink target;
        private final long prefix;
        private long verified;
        private TableCursor cursor;
        private ColumnBatch stored;
        private int storedIndex;

        Table(String key, TableLayout layout, TableSink target, long prefix) {
            this.key = key;
            this.layout = layout;
            this.target = target;
            this.prefix = prefix;
        }

        @Override
        public TableLayout layout() {
            return layout;
        }

        @Override
        public void append(ColumnBatch batch, int from, int to) {
            if (verified < prefix) {
                int n = (int) Math.min(to - from, prefix - verified);
                compare(batch, from, from + n);
                from += n;
                if (verified == prefix) {
                    matched();
                }
            }
            if (from < to) {
                if (target == null) {
                    target = inner.appendTo(key);
                }
                target.append(batch, from, to);
                afterAppend(to - from);
            }
        }

        void matched() {
            closeCursor();
            unmatched--;
            LOG.info("{}: the {} committed rows of /{} match the input; continuing after them", path, prefix, key);
        }

        private void compare(ColumnBatch batch, int from, int to) {
            if (cursor == null) {
                cursor = committed.openTable(key, ReadOptions.DEFAULT);
            }
            int row = from;
            while (row < to) {
                if (stored == null || storedIndex >= stored.rowCount()) {
                    if (!cursor.next()) {
                        throw new WriteException(ErrorLocation.of(path, "/" + key, verified), "cannot resume: /" + key
                                + " ended while reading its committed rows", null);
                    }
                    stored = cursor.batch();
                    storedIndex = 0;
                }
                int n = Math.min(to - row, stored.rowCount() - storedIndex);
                for (int c = 0; c < layout.size(); c++) {
                    Column in = batch.column(c);
                    Column out = stored.column(c);
                    for (int i = 0; i < n; i++) {
                        if (!same(in, row + i, out, storedIndex + i)) {
                            throw new WriteException(ErrorLocation.of(path, "/" + key, verified + i),
                                    "cannot resume: row "
                                    + (verified + i) + " of /" + key + " differs in column " + layout.column(c).name()
                                    + ": the file has " + show(out.getObject(storedIndex + i)) + ", the input has "
                                    + show(in.getObject(row + i)) + "; the file was not written from this input "
                                    + "(nothing was changed)", null);
                        }
                    }
                }
                row += n;
                storedIndex += n;
                verified += n;
            }
        }

        void closeCursor() {
            if (cursor != null) {
                cursor.close();
                cursor = null;
                stored = null;
            }
        }

        @Override
        public long flush() {
            if (target == null || unmatched > 0) {
                return 0;
            }
            long n = target.flush();
            return n;
        }

        @Override
        public long rowsWritten() {
            return target == null ? Math.min(verified, prefix) : target.rowsWritten();
        }
    }

    /** Equal values, bit for bit for floats (NaN equals NaN), without boxing scalars. */
    private static boolean same(Column a, int i, Column b, int j) {
        if (a.width() == 1 && !(a instanceof StringColumn)) {
            if (a instanceof BooleanColumn || a instanceof io.battdat.api.data.LongColumn) {
                return a.getLong(i) == b.getLong(j);
            }
            return Double.doubleToLongBits(a.getDouble(i)) == Double.doubleToLongBits(b.getDouble(j));
        }
        if (a instanceof StringColumn sa && b instanceof StringColumn sb && sa.width() == sb.width()) {
            int w = sa.width();
            return Arrays.equals(sa.buffer(), i * w, i * w + w, sb.buffer(), j * w, j * w + w);
        }
        return Objects.deepEquals(a.getObject(i), b.getObject(j));
    }

    private static String show(Object v) {
        return v instanceof Object[] || v != null && v.getClass().isArray()
                ? Arrays.deepToString(new Object[]{v}) : String.valueOf(v);
    }
}
