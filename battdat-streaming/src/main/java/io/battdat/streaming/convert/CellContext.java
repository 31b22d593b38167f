package io.battdat.streaming.convert;

import io.battdat.api.BadFormatException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.TableLayout;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.ParseOptions;
import io.battdat.api.parse.PostProcessing;
import io.battdat.api.parse.TableOutput;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.TableSink;
import io.battdat.streaming.tagging.RawDataDeriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link ParseContext} of one cell: each declared table becomes a table of the output file (under the cell's
 * prefix), {@code raw_data} through a {@link RawDataDeriver} when the parser asks for derived columns.
 */
final class CellContext implements ParseContext {
    private static final Logger LOG = LoggerFactory.getLogger(CellContext.class);

    private final CellsOutput output;
    private final Path source;
    private final String prefix;
    private final long expectedRows;
    private final Map<String, OutputTable> tables = new LinkedHashMap<>();
    private final List<RawDataDeriver> derivers = new ArrayList<>();

    /**
     * @param source       the cell's first file, named in the messages of derived columns
     * @param prefix       the cell's prefix group in the output, or null for root-level tables
     * @param expectedRows the rows the cell's tables are sized for (a guess from the input's size)
     */
    CellContext(CellsOutput output, Path source, String prefix, long expectedRows) {
        this.output = output;
        this.source = source;
        this.prefix = prefix;
        this.expectedRows = expectedRows;
    }

    @Override
    public ParseOptions options() {
        return output.options();
    }

    @Override
    public TableOutput table(String name, TableLayout layout, ColumnSchema schema, PostProcessing derive) {
        if (tables.containsKey(name)) {
            throw new IllegalStateException("table " + name + " declared twice");
        }
        String key = prefix == null ? name : prefix + "/" + name;
        OutputTable target = new OutputTable();
        tables.put(name, target);
        if (derive.isEmpty()) {
            target.sink = output.sink().createTable(key, layout, schema, expectedRows);
            return target::append;
        }
        RawDataDeriver deriver = new RawDataDeriver(source, "/" + key, layout, derive, output.options().batchRows(),
                target::append);
        target.sink = output.sink().createTable(key, deriver.outputLayout(), schema, expectedRows);
        derivers.add(deriver);
        return deriver;
    }

    /** A table of the output file and the rows sent to it. */
    private final class OutputTable {
        TableSink sink;
        long rows;

        void append(ColumnBatch batch) {
            sink.append(batch, 0, batch.rowCount());
            rows += batch.rowCount();
            output.progress().rows(batch.rowCount());
        }
    }

    @Override
    public void progress(long bytes) {
        output.progress().bytes(bytes);
    }

    @Override
    public void badLine(BadFormatException error) {
        output.badLines().report(error);
        LOG.debug("skipped: {}", error.getMessage());
    }

    @Override
    public void warn(String message) {
        output.warnings().add(message);
        LOG.warn("{}", message);
    }

    /** Ends every table (the last held step is written); returns rows written per table. */
    Map<String, Long> finish() {
        derivers.forEach(RawDataDeriver::finish);
        Map<String, Long> rows = new LinkedHashMap<>();
        tables.forEach((name, t) -> rows.put(name, t.rows));
        return rows;
    }

    long dropped() {
        return derivers.stream().mapToLong(RawDataDeriver::rowsDropped).sum();
    }
}
