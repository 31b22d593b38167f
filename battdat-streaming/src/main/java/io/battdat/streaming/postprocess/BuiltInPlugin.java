package io.battdat.streaming.postprocess;

import io.battdat.api.data.ColumnBatch;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.EnhancerStage;
import io.battdat.api.postprocess.PostProcessSpi;
import io.battdat.api.postprocess.RawDataEnhancer;
import io.battdat.api.postprocess.TableContext;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

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
}
