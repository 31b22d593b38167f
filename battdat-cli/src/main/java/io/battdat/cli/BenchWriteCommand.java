package io.battdat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.Row;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.WriteMode;
import io.battdat.streaming.BatchStream;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.HDF5Writer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code battdat bench write}: writes simulated rows, reads them back, checks the checksum. */
@Command(name = "write", mixinStandardHelpOptions = true,
        header = "Write simulated cycling rows, verify them, print rows/s.")
final class BenchWriteCommand extends Subcommand {
    enum Mode { rows, batches }

    @Option(names = "--rows", required = true, paramLabel = "N", description = "Rows to write.")
    long rows;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced).")
    Path out;

    @Option(names = "--complevel", paramLabel = "L", description = "Compression level 0-9 (default 0).")
    int complevel;

    @Option(names = "--complib", paramLabel = "LIB", description = {"Compression library as PyTables names it:",
            "zlib (default), blosc, blosc:lz4, blosc:zstd, ..."})
    String complib = "zlib";

    @Option(names = "--mode", paramLabel = "MODE", description = "rows (default) or batches.")
    Mode mode = Mode.rows;

    @Mixin
    BenchOutput output;

    @Override
    public Integer call() throws IOException, JsonProcessingException {
        Files.deleteIfExists(out); // as the Python harness does before its clock starts: unlinking a big file is slow
        CellSimulator sim = new CellSimulator(0, 2000);
        BatchBuffer cycle = BatchBuffer.allocate(CellSimulator.LAYOUT, 2200);
        Checksum generated = new Checksum();
        long timed = 0;
        long left = rows;
        try (HDF5Writer w = HDF5Writer.builder(out).mode(WriteMode.OVERWRITE).complevel(complevel).complib(complib).expectedRows(rows)
                .metadata(BatteryMetadata.defaults().withName("bench-write")).open()) {
            while (left > 0) {
                sim.nextCycle(cycle, (int) Math.min(left, Integer.MAX_VALUE));
                int n = cycle.rowCount();
                generated.add(((io.battdat.api.data.DoubleColumn) cycle.column(1)).buffer(),
                        ((io.battdat.api.data.DoubleColumn) cycle.column(2)).buffer(),
                        ((io.battdat.api.data.LongColumn) cycle.column(4)).buffer(), n);
                if (mode == Mode.rows) {
                    List<Map<String, Object>> maps = new ArrayList<>(n);
                    Row r = cycle.row();
                    for (int i = 0; i < n; i++) {
                        maps.add(r.moveTo(i).toMap());
                    }
                    long t0 = System.nanoTime();
                    for (Map<String, Object> m : maps) {
                        w.writeRow(m);
                    }
                    timed += System.nanoTime() - t0;
                } else {
                    long t0 = System.nanoTime();
                    w.writeBatch(cycle);
                    timed += System.nanoTime() - t0;
                }
                left -= n;
            }
            long t0 = System.nanoTime();
            w.close();
            timed += System.nanoTime() - t0;
        }
        Checksum read = new Checksum();
        try (BatchStream b = Battdat.engine().batches(out, "raw_data")) {
            while (b.hasNext()) {
                ColumnBatch x = b.next();
                read.add(x.doubles("current").buffer(), x.doubles("voltage").buffer(), x.longs("cycle_number").buffer(),
                        x.rowCount());
            }
        }
        boolean verified = read.toMap().equals(generated.toMap());
        double seconds = timed / 1e9;
        long bytes = Files.size(out);
        Map<String, Object> result = BenchOutput.result();
        result.put("mode", mode.name());
        result.put("path", out.toString());
        result.put("complevel", complevel);
        result.put("complib", complib);
        result.put("rows", rows);
        result.put("seconds", seconds);
        result.put("rows_per_s", rows / seconds);
        result.put("file_bytes", bytes);
        result.put("checksum", read.toMap());
        result.put("verified", verified);
        output.print(result, () -> String.format("write %s: %d rows in %.3f s = %.2f M rows/s, %d bytes, verified %s",
                mode, rows, seconds, rows / seconds / 1e6, bytes, verified));
        if (!verified) {
            throw new io.battdat.api.WriteException(io.battdat.api.ErrorLocation.of(out, "/raw_data"),
                    "read-back checksum " + read.toMap()
                    + " differs from the written rows' " + generated.toMap(), null);
        }
        return 0;
    }
}
