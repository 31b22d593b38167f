package io.battdat.cli;

import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.parse.ExportOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

/** {@code battdat export FILE.h5 --to batteryarchive DIR}: writes a cell in another layout. */
@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Write a cell in an archive layout (BatteryArchive CSV).")
final class ExportCommand extends Subcommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The battdat file.")
    Path file;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "Export format (battdat formats).")
    String format;

    @Parameters(index = "1", paramLabel = "DIR", description = "Directory to write into (created when missing).")
    Path directory;

    @Option(names = "--prefix", paramLabel = "P", description = "The cell (prefix group) to export; default root.")
    String prefix;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Zone of written date-times; default this machine's.")
    ZoneId zone = ZoneId.systemDefault();

    @Option(names = "--chunk-rows", paramLabel = "N", description = "Rows per time-series file (default 100000).")
    int chunkRows = 100_000;

    @Override
    public Integer call() {
        BattdatEngine engine = Battdat.engine();
        if (engine.registry().exporters().stream().noneMatch(e -> e.formatName().equals(format))) {
            throw usageError("unknown --to '" + format
                    + "'; known: " + String.join(", ", engine.registry().exporters().stream()
                    .map(io.battdat.api.parse.VendorExporter::formatName).toList()));
        }
        var exporter = engine.registry().exporter(format);
        try (StoredDataset ds = engine.open(file)) {
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw new FileAccessException(ErrorLocation.of(directory),
                        "exists and is not a directory; name a directory to "
                        + "export into (it is created when missing)", null);
            }
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new FileAccessException(ErrorLocation.of(directory), "cannot create the export directory: "
                        + CliErrors.io(e), e);
            }
            exporter.export(ds, directory, ExportOptions.defaults().withPrefix(prefix).withZone(zone)
                    .withChunkRows(chunkRows));
        }
        out().println("exported " + file + (prefix == null ? "" : " /" + prefix) + " to "
                + directory + " as " + format);
        return 0;
    }
}
