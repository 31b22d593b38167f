package io.battdat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.FollowOptions;
import io.battdat.api.spi.WriteMode;
import io.battdat.streaming.BatchStream;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.HDF5Writer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** {@code battdat bench follow}: how long a flushed row takes to reach a follower. */
@Command(name = "follow", mixinStandardHelpOptions = true,
        header = "Delay from a writer's flush to its rows reaching a follower.")
final class BenchFollowCommand extends Subcommand {
    @Option(names = "--rows", paramLabel = "N", description = "Rows to write (default 1,000,000).")
    long rows = 1_000_000;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced).")
    Path out;

    @Option(names = "--flush-rows", paramLabel = "R", description = "Rows per flush (default 10,000).")
    int flushRows = 10_000;

    @Option(names = "--pause", paramLabel = "MS", description = "Pause after each flush, in ms (default 20).")
    long pauseMillis = 20;

    @Option(names = "--poll", paramLabel = "MS", description = "The follower's poll interval (default 200).")
    long pollMillis = 200;

    @Mixin
    BenchOutput output;

    private record Mark(long row, long nanos) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException, JsonProcessingException {
        Files.deleteIfExists(out);
        BattdatEngine engine = Battdat.engine();
        ConcurrentLinkedQueue<Mark> flushed = new ConcurrentLinkedQueue<>();
        Throwable[] writerFailure = new Throwable[1];
        Thread writer = new Thread(() -> {
            try {
                write(flushed);
            } catch (Throwable t) {
                writerFailure[0] = t;
            }
        }, "bench-follow-writer");
        writer.start();
        while (!Files.exists(out) && writer.isAlive()) {
            Thread.sleep(1);
        }
        List<Mark> arrived = new ArrayList<>();
        long seen = 0;
        if (Files.exists(out)) {
            FollowOptions follow = FollowOptions.DEFAULT.withPollInterval(Duration.ofMillis(pollMillis));
            try (BatchStream s = engine.follow(out, "raw_data", follow)) {
                while (s.hasNext()) {
                    ColumnBatch b = s.next();
                    seen = b.firstRow() + b.rowCount();
                    arrived.add(new Mark(seen, System.nanoTime()));
                }
            }
        }
        writer.join();
        if (writerFailure[0] instanceof RuntimeException failure) {
            throw failure; // the writer's own error (a BattdatException naming the file) is what the user needs
        }
        if (writerFailure[0] != null) {
            throw new IllegalStateException("the writer failed: " + writerFailure[0], writerFailure[0]);
        }
        double[] delays = delays(new ArrayList<>(flushed), arrived);
        Arrays.sort(delays);
        Map<String, Object> result = BenchOutput.result();
        result.put("bench", "follow");
        result.put("rows", rows);
        result.put("rows_seen", seen);
        result.put("flushes", delays.length);
        result.put("flush_rows", flushRows);
        result.put("poll_ms", pollMillis);
        result.put("delay_ms_median", percentile(delays, 0.5));
        result.put("delay_ms_p99", percentile(delays, 0.99));
        result.put("delay_ms_max", delays.length == 0 ? 0 : delays[delays.length - 1]);
        result.put("complete", seen == rows);
        output.print(result, result::toString);
        return seen == rows ? 0 : 1;
    }

    private void write(ConcurrentLinkedQueue<Mark> flushed) throws InterruptedException {
        CellSimulator sim = new CellSimulator(0, 2000);
        BatchBuffer cycle = BatchBuffer.allocate(CellSimulator.LAYOUT, 2200);
        long written = 0;
        long sinceFlush = 0;
        try (HDF5Writer w = HDF5Writer.builder(out).mode(WriteMode.OVERWRITE).expectedRows(rows)
                .metadata(BatteryMetadata.defaults().withName("bench-follow")).open()) {
            while (written < rows) {
                sim.nextCycle(cycle, (int) Math.min(rows - written, flushRows - sinceFlush));
                w.writeBatch(cycle);
                written += cycle.rowCount();
                sinceFlush += cycle.rowCount();
                if (sinceFlush >= flushRows || written == rows) {
                    w.flush();
                    flushed.add(new Mark(written, System.nanoTime()));
                    sinceFlush = 0;
                    Thread.sleep(pauseMillis);
                }
            }
        }
    }

    /** For each flush: the first arrival that includes its last row, minus the time the flush returned (ms). */
    private static double[] delays(List<Mark> flushes, List<Mark> arrivals) {
        double[] out = new double[flushes.size()];
        int a = 0;
        for (int f = 0; f < flushes.size(); f++) {
            Mark flush = flushes.get(f);
            while (a < arrivals.size() && arrivals.get(a).row() < flush.row()) {
                a++;
            }
            long at = a < arrivals.size() ? arrivals.get(a).nanos() : Long.MAX_VALUE;
            // rows become visible at the commit point, slightly before flush() returns: count that as no delay
            out[f] = Math.max(0, at - flush.nanos()) / 1e6;
        }
        return out;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
