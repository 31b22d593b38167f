package io.battdat.api.spi;

import io.battdat.api.ErrorLocation;
import io.battdat.api.KeyNotFoundException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An open battdat file (or directory) of some backend. Thread-safe for opening cursors; each cursor is used by one
 * thread. Closing the dataset invalidates its cursors.
 */
public interface StoredDataset extends AutoCloseable {

    /** The file or directory. For a remote file (see {@link #location()}), a path of its file name only. */
    Path path();

    /**
     * Where the dataset is, as the user wrote it: the path, or the URI of a remote file ({@code s3a://bucket/x.h5}).
     * The default is {@link #path()} as text.
     */
    default String location() {
        return String.valueOf(path());
    }

    /** The backend's format name ({@code hdf5}). */
    String formatName();

    /**
     * The root battery metadata JSON text (attribute {@code metadata} of {@code /}).
     *
     * @throws io.battdat.api.BadFormatException when the file has none
     */
    String metadataJson();

    /** Other root attributes as text (e.g. {@code battdat_version}), for display. */
    Map<String, String> rootAttributes();

    /**
     * Every battdat table in walk order (root tables sorted by name, then each prefix group sorted by name, its
     * tables sorted by name): 1-D compound datasets with a {@code metadata} attribute (the column schema, which
     * {@link TableInfo#schema()} parses on demand).
     */
    List<TableInfo> tables();

    /**
     * Datasets that are not battdat tables, each as its path followed by the reason in parentheses:
     * {@code /notes (not a compound dataset)}.
     */
    List<String> ignoredTables();

    /** The prefixes (cells) in sorted order; {@code null} stands for root-level tables. */
    default List<String> prefixes() {
        List<String> out = new ArrayList<>();
        for (TableInfo t : tables()) {
            if (!out.contains(t.prefix())) {
                out.add(t.prefix());
            }
        }
        return out;
    }

    /**
     * The table for a key ({@code raw_data} or {@code cell_a/raw_data}; a leading {@code /} is allowed).
     *
     * @throws KeyNotFoundException naming the key and listing the tables that exist
     */
    default TableInfo table(String key) {
        String k = key.startsWith("/") ? key.substring(1) : key;
        for (TableInfo t : tables()) {
            if (t.key().equals(k)) {
                return t;
            }
        }
        List<String> keys = new ArrayList<>();
        tables().forEach(t -> keys.add(t.key()));
        for (String ignored : ignoredTables()) {
            if (ignored.startsWith("/" + k + " (")) {
                throw new KeyNotFoundException(ErrorLocation.of(path(), "/" + k),
                        "not a battdat table " + ignored.substring(k.length() + 2) + "; tables are " + keys, null);
            }
        }
        throw new KeyNotFoundException(ErrorLocation.of(path(), "/" + k), "no such table; tables are " + keys, null);
    }

    /**
     * Opens a cursor over a table.
     *
     * @throws KeyNotFoundException                       for an unknown key
     * @throws io.battdat.api.UnsupportedFilterException  when the table uses a filter no codec decodes, before
     *                                                    any row is returned
     */
    TableCursor openTable(String key, ReadOptions options);

    /**
     * Follows a table that a writer is appending to: the cursor yields the rows committed so far, then waits for
     * later commits and yields their rows, in order, each exactly once, never part of a commit. {@code next()}
     * returns false once the writer has closed the file and every row was yielded, after
     * {@link FollowOptions#idleTimeout()} without a new row, or when the cursor was closed (from any thread).
     * Batches' {@link io.battdat.api.data.ColumnBatch#firstRow()} give their place in the table.
     *
     * @throws io.battdat.api.UnsupportedFeatureException when this backend cannot follow tables (the default)
     */
    default TableCursor followTable(String key, ReadOptions options, FollowOptions follow) {
        throw new io.battdat.api.UnsupportedFeatureException(io.battdat.api.ErrorLocation.of(path(), key), formatName()
                + " datasets cannot be followed while they are written", null);
    }

    /** Releases the file. Idempotent. */
    @Override
    void close();
}
