package io.battdat.cli;

import io.battdat.api.BadFormatException;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code battdat copy IN OUT}: streams every table of every cell into a new file. */
@Command(name = "copy", description = {
        "Stream every table of every cell of IN into a new file OUT (replaced if it exists), keeping the metadata",
        "text, the column schemas, the columns and every row; optionally compressed (shuffle + zlib, as PyTables).",
        "OUT is written under a temporary name and renamed when complete.",
        "Example: battdat copy cell.h5 cell-zlib.h5 --complevel 5"})
final class CopyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "The battdat file to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write.")
    Path out;

    @Option(names = "--complevel", paramLabel = "N", description = "Compression level 0-9 (default 0: none).")
    int complevel;

    @Option(names = "--complib", paramLabel = "LIB", description = "Compression library (default zlib).")
    String complib = "zlib";

    @Option(names = "--append", description = "Append IN's rows to the tables of an existing OUT (not yet supported).")
    boolean append;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (append) {
            throw new io.battdat.api.UnsupportedFeatureException(out, null,
                    "--append is not implemented yet: appending to existing HDF5 files comes with the appending writer");
        }
        BattdatEngine engine = Battdat.engine();
        long rows = 0;
        int tables = 0;
        try (StoredDataset source = engine.open(in)) {
            String metadataJson = source.metadataJson();
            BatteryMetadata metadata = BatteryMetadata.fromJson(metadataJson);
            WriteOptions options = WriteOptions.create(metadata).withMode(WriteMode.OVERWRITE)
                    .withMetadataJson(metadataJson).withCompression(complevel, complib);
            DatasetSink sink = engine.registry().writerFor(out).open(out, options);
            try {
                for (TableInfo t : source.tables()) {
                    if (t.schema() == null) {
                        throw new BadFormatException(in, t.path(), "cannot copy a table whose column schema does not "
                                + "parse: " + t.schemaError());
                    }
                    TableSink target = sink.createTable(t.key(), t.layout(), t.schema(), t.rows());
                    try (TableCursor cursor = source.openTable(t.key(), engine.options())) {
                        while (cursor.next()) {
                            target.append(cursor.batch(), 0, cursor.batch().rowCount());
                            rows += cursor.batch().rowCount();
                        }
                    }
                    tables++;
                }
            } catch (RuntimeException e) {
                sink.abort(); // a failed copy must not leave a file that looks complete
                throw e;
            }
            sink.close();
        }
        spec.commandLine().getOut().println("copied " + rows + " rows in " + tables + " tables from " + in + " to " + out);
        return 0;
    }
}
