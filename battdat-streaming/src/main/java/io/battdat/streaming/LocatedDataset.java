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

    static BattdatException relocate(BattdatException e, String uri) {
        return e.withLocation(uri);
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
        try {
            return inner.metadataJson();
        } catch (BattdatException e) {
            throw relocate(e, uri);
        }
    }

    @Override
    public Map<String, String> rootAttributes() {
        try {
            return inner.rootAttributes();
        } catch (BattdatException e) {
            throw relocate(e, uri);
        }
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
        try {
            return inner.table(key);
        } catch (BattdatException e) {
            throw relocate(e, uri);
        }
    }

    @Override
    public TableCursor openTable(String key, ReadOptions options) {
        try {
            return new LocatedCursor(inner.openTable(key, options), uri);
        } catch (BattdatException e) {
            throw relocate(e, uri);
        }
    }

    @Override
    public TableCursor followTable(String key, ReadOptions options, FollowOptions follow) {
        try {
            return new LocatedCursor(inner.followTable(key, options, follow), uri);
        } catch (BattdatException e) {
            throw relocate(e, uri);
        }
    }

    @Override
    public void close() {
        try {
            inner.close();
        } catch (BattdatException e) {
            throw relocate(e, uri);
        }
    }

    @Override
    public String toString() {
        return "LocatedDataset[" + uri + "]";
    }

    /** A cursor whose errors name the URI. */
    private static final class LocatedCursor implements TableCursor {
        private final TableCursor inner;
        private final String uri;

        LocatedCursor(TableCursor inner, String uri) {
            this.inner = inner;
            this.uri = uri;
        }

        @Override
        public TableInfo table() {
            return inner.table();
        }

        @Override
        public boolean next() {
            try {
                return inner.next();
            } catch (BattdatException e) {
                throw relocate(e, uri);
            }
        }

        @Override
        public ColumnBatch batch() {
            return inner.batch();
        }

        @Override
        public void close() {
            try {
                inner.close();
            } catch (BattdatException e) {
                throw relocate(e, uri);
            }
        }
    }
}
