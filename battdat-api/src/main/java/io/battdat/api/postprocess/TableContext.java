package io.battdat.api.postprocess;

import io.battdat.api.data.TableLayout;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a post-processing plugin is told about the table it is about to see: the file and table (for messages),
 * the columns, and the settings. Immutable; made with {@link #builder()}.
 */
public final class TableContext {
    private final Path file;
    private final String table;
    private final TableLayout layout;
    private final PostProcessOptions options;
    private final int batchRows;

    private TableContext(Builder b) {
        this.file = b.file;
        this.table = Objects.requireNonNull(b.table, "table");
        this.layout = Objects.requireNonNull(b.layout, "layout");
        this.options = Objects.requireNonNull(b.options, "options");
        this.batchRows = b.batchRows;
    }

    /** A builder; table and layout are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The file, or null when the rows come from elsewhere. */
    public Path file() {
        return file;
    }

    /** The table's path in the file, such as {@code /raw_data}. */
    public String table() {
        return table;
    }

    /** The columns of the batches the plugin will see. */
    public TableLayout layout() {
        return layout;
    }

    /** The settings. */
    public PostProcessOptions options() {
        return options;
    }

    /** Rows per batch an enhancer should hand on (at least 1). */
    public int batchRows() {
        return batchRows;
    }

    /** Builds a {@link TableContext}. */
    public static final class Builder {
        private Path file;
        private String table;
        private TableLayout layout;
        private PostProcessOptions options = PostProcessOptions.DEFAULT;
        private int batchRows = 32768;

        private Builder() {
        }

        /** Sets the file. */
        public Builder file(Path file) {
            this.file = file;
            return this;
        }

        /** Sets the table path. */
        public Builder table(String table) {
            this.table = table;
            return this;
        }

        /** Sets the columns. */
        public Builder layout(TableLayout layout) {
            this.layout = layout;
            return this;
        }

        /** Sets the settings (default {@link PostProcessOptions#DEFAULT}). */
        public Builder options(PostProcessOptions options) {
            this.options = options;
            return this;
        }

        /** Sets the rows per handed-on batch (default 32768). */
        public Builder batchRows(int rows) {
            this.batchRows = SettingChecks.atLeast(1, rows, "batch rows");
            return this;
        }

        /** The context. */
        public TableContext build() {
            return new TableContext(this);
        }
    }
}
