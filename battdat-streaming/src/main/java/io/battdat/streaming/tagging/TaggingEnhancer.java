package io.battdat.streaming.tagging;

import io.battdat.api.ErrorLocation;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.TableLayout;
import io.battdat.api.parse.PostProcessing;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.EnhancerStage;
import io.battdat.api.postprocess.PostProcessSpi;
import io.battdat.api.postprocess.RawDataEnhancer;
import io.battdat.api.postprocess.TableContext;
import io.battdat.api.schema.RawData;

import java.util.List;
import java.util.function.Consumer;

/**
 * The tagging enhancers of docs/conversion.md section 3 ({@code AddState}, {@code AddSteps}, {@code AddMethod}, {@code
 * AddSubSteps})
 * as plugins. They run the same code as {@code battdat convert} ({@link RawDataDeriver}), so a file converted
 * with tags and a file enhanced afterwards get the same columns.
 */
abstract class TaggingEnhancer implements RawDataEnhancer {
    private final String name;
    private final List<DerivedColumn> columns;

    /**
     * @param name   the plugin's name
     * @param column the raw_data column it derives, described as the RawData schema describes it
     */
    TaggingEnhancer(String name, String column) {
        this.name = name;
        this.columns = List.of(DerivedColumn.of(column, new RawData().get(column)));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<DerivedColumn> columns(TableContext context) {
        return columns;
    }

    @Override
    public int spiVersion() {
        return PostProcessSpi.VERSION;
    }

    /** What the deriver derives. */
    abstract PostProcessing plan(TableContext context);

    @Override
    public EnhancerStage start(TableContext context, Consumer<ColumnBatch> downstream) {
        for (DerivedColumn c : columns(context)) {
            if (context.layout().contains(c.name())) {
                throw new SchemaViolationException(ErrorLocation.of(context.file(), context.table()),
                        name() + ": the table already "
                        + "has a '" + c.name() + "' column", null);
            }
        }
        RawDataDeriver deriver;
        try {
            deriver = new RawDataDeriver(context.file(), context.table(), context.layout(), plan(context),
                    context.batchRows(), context.options().maxCycleRows(), downstream);
        } catch (IllegalArgumentException e) {
            throw new SchemaViolationException(ErrorLocation.of(context.file(), context.table()),
                    name() + ": " + e.getMessage(), null);
        }
        return new EnhancerStage() {
            @Override
            public TableLayout outputLayout() {
                return deriver.outputLayout();
            }

            @Override
            public void accept(ColumnBatch batch) {
                deriver.write(batch);
            }

            @Override
            public void finish() {
                deriver.finish();
            }
        };
    }
}
