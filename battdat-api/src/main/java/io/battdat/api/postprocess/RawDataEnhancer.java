package io.battdat.api.postprocess;

import io.battdat.api.data.ColumnBatch;

import java.util.List;
import java.util.function.Consumer;

/**
 * Adds columns to raw rows as they stream (Python's {@code RawDataEnhancer}). Implementations are stateless
 * factories, found with {@code ServiceLoader}; each table gets its own {@link EnhancerStage}.
 */
public interface RawDataEnhancer {

    /** The post-processing SPI version this implementation was built against; return {@link PostProcessSpi#VERSION}. */
    int spiVersion();

    /** A short unique name, such as {@code soc}; {@code battdat enhance --add} takes these names. */
    String name();

    /** The columns added, in the order they are appended after the input's. */
    List<DerivedColumn> columns(TableContext context);

    /**
     * A stage for one table.
     *
     * @param context    the table; its layout is the input batches' layout
     * @param downstream takes each output batch (input columns, then the added ones), valid during the call
     * @throws io.battdat.api.SchemaViolationException when a needed column is missing or an added one exists
     */
    EnhancerStage start(TableContext context, Consumer<ColumnBatch> downstream);
}
