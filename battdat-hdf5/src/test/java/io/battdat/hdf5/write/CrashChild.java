package io.battdat.hdf5.write;

import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.TableSink;
import io.battdat.api.spi.WriteMode;
import io.battdat.api.spi.WriteOptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process {@link CrashTest} kills: appends {@link FileWriterTest#rows} to {@code raw_data} of a file (creating
 * it when missing) in flushes of a given size, and prints "committed N" after each flush returns; with a fourth
 * argument it closes the file once the table holds that many rows.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int perFlush = Integer.parseInt(args[1]);
        int level = Integer.parseInt(args[2]);
        boolean exists = Files.exists(file);
        WriteOptions o = WriteOptions.create(BatteryMetadata.defaults().withName("crash"))
                .withMode(exists ? WriteMode.APPEND : WriteMode.CREATE).withCompression(level, "zlib");
        Hdf5FileWriter sink = exists ? Hdf5FileWriter.append(file, o) : Hdf5FileWriter.create(file, o);
        TableSink t = exists ? sink.appendTo("raw_data")
                : sink.createTableWithChunkRows("raw_data", FileWriterTest.LAYOUT, new RawData(), 100);
        long rows = t.rowsWritten();
        long total = args.length > 3 ? Long.parseLong(args[3]) : Long.MAX_VALUE;
        System.out.println("start " + rows);
        while (rows < total) {
            int n = (int) Math.min(perFlush, total - rows);
            t.append(FileWriterTest.rows(rows, n), 0, n);
            rows += n;
            t.flush();
            System.out.println("committed " + rows);
            System.out.flush();
        }
        sink.close();
    }
}
