package io.battdat.streaming.postprocess;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.postprocess.CycleSummarizer;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.EnhancerStage;
import io.battdat.api.postprocess.PostProcessSpi;
import io.battdat.api.postprocess.RawDataEnhancer;
import io.battdat.api.postprocess.TableContext;

import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the built-in post-processing plugins share whatever their kind (enhancer, summarizer, checker): the SPI
 * version they are compiled against and their fixed name.
 */
abstract class BuiltInPlugin {
    private final String name;

    BuiltInPlugin(String name) {
        this.name = name;
    }

    /** The post-processing SPI version this plugin was built for. */
    public int spiVersion() {
        return PostProcessSpi.VERSION;
    }

    /** The plugin's name, as users select it. */
    public String name() {
        return name;
    }

    /** A built-in plugin that derives the same columns for every table. */
    abstract static class WithFixedColumns extends BuiltInPlugin {
        private final List<DerivedColumn> columns;

        WithFixedColumns(String name, List<DerivedColumn> columns) {
            super(name);
            this.columns = List.copyOf(columns);
        }

        /** The columns the plugin derives, whatever the table. */
        public List<DerivedColumn> columns(TableContext context) {
            return columns;
        }
    }

    /** A built-in enhancer whose stages append its fixed columns (an {@link AddingStage} per table). */
    abstract static class AddingEnhancer extends WithFixedColumns implements RawDataEnhancer {
        private final BiFunction<TableContext, Consumer<ColumnBatch>, AddingStage> stages;

        AddingEnhancer(String name, List<DerivedColumn> columns,
                       BiFunction<TableContext, Consumer<ColumnBatch>, AddingStage> stages) {
            super(name, columns);
            this.stages = stages;
        }

        /** A stage appending the columns to the batches of the table described by {@code context}. */
        @Override
        public EnhancerStage start(TableContext context, Consumer<ColumnBatch> downstream) {
            return stages.apply(context, downstream);
        }
    }

    /**
     * A built-in cycle summarizer: its name, the raw columns it reads and the columns it derives are declared once,
     * in its constructor.
     */
    abstract static class Summarizer extends BuiltInPlugin implements CycleSummarizer {
        private final Set<String> inputs;
        private final Function<TableContext, List<DerivedColumn>> columns;

        /**
         * A summarizer of this name.
         *
         * @param name    the name users select it by
         * @param inputs  every raw column the summarizer may read ({@link CycleSummarizer#inputColumns()})
         * @param columns the columns derived for a table, which may depend on the columns the table has
         */
        Summarizer(String name, Set<String> inputs, Function<TableContext, List<DerivedColumn>> columns) {
            super(name);
            this.inputs = Set.copyOf(inputs);
            this.columns = columns;
        }

        @Override
        public List<DerivedColumn> columns(TableContext context) {
            return columns.apply(context);
        }

        @Override
        public Set<String> inputColumns() {
            return inputs;
        }

        /** The index of a column the summarizer cannot work without; the error names the summarizer's class. */
        int require(TableContext context, String column) {
            return RawColumns.require(context, column, getClass().getSimpleName());
        }
    }
}
