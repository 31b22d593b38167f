package io.battdat.streaming;

import io.battdat.api.BattdatException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.spi.FollowOptions;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A dataset read from a remote file whose errors name the URI as the user wrote it: backends locate errors by a
 * {@link Path}, which cannot hold a URI, so every error leaving the dataset or its cursors is given the URI here.
 */
final class LocatedDataset implements StoredDataset {
    private final StoredDataset inner;
    private final String uri;

    LocatedDataset(StoredDataset inner, String uri) {
        this.inner = inner;
        this.uri = uri;
    }

    /** Runs a call on the backend's dataset or cursor; an error it raises leaves with the URI as its location. */
    private static <T> T located(String uri, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (BattdatException e) {
            throw e.withLocation(uri);
        }
    }

    @Override
    public Path path() {
        return inner.path();
    }

    @Override
    public String location() {
        return uri;
    }

    @Override
    public String formatName() {
        return inner.formatName();
    }

    @Override
    public String metadataJson() {
        return located(uri, inner::metadataJson);
    }

    @Override
    public Map<String, String> rootAttributes() {
        return located(uri, inner::rootAttributes);
    }

    @Override
    public List<TableInfo> tables() {
        return inner.tables();
    }

    @Override
    public List<String> ignoredTables() {
        return inner.ignoredTables();
    }

    @Override
    public TableInfo table(String key) {
        return located(uri, () -> inner.table(key));
    }

    @Override
    public TableCursor openTable(String key, ReadOptions options) {
        return located(uri, () -> new LocatedCursor(inner.openTable(key, options), uri));
    }

    @Override
    public TableCursor followTable(String key, ReadOptions options, FollowOptions follow) {
        return located(uri, () -> new LocatedCursor(inner.followTable(key, options, follow), uri));
    }

    @Override
    public void close() {
        located(uri, () -> {
            inner.close();
            return null;
        });
    }

    @Override
    public String toString() {
        return "LocatedDataset[" + uri + "]";
    }

    /** A cursor whose errors name the URI. */
    private record LocatedCursor(TableCursor inner, String uri) implements TableCursor {
        @Override
        public TableInfo table() {
            return inner.table();
        }

        @Override
        public boolean next() {
            return located(uri, inner::next);
        }

        @Override
        public ColumnBatch batch() {
            return inner.batch();
        }

        @Override
        public void close() {
            located(uri, () -> {
            inner.close();
            return null;
        });
        }
    }
}
