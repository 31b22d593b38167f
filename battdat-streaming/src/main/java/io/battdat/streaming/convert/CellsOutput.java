package io.battdat.streaming.convert;

import io.battdat.api.parse.ParseOptions;
import io.battdat.api.spi.DatasetSink;

import java.util.List;

/**
 * What every cell of one conversion writes into and reports to: the output dataset, how the parser reads, the
 * progress, the lines skipped and the warnings (all gathered into the conversion's report).
 */
record CellsOutput(DatasetSink sink, ParseOptions options, Progress progress, BadLines badLines,
                   List<String> warnings) {
}
