package io.battdat.examples;

import io.battdat.api.data.Row;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.Cycle;
import io.battdat.streaming.CycleRequest;
import io.battdat.streaming.CycleStream;
import io.battdat.streaming.RecordStream;

import java.nio.file.Path;

/** Reads a battdat file through the public API: counts records, then summarises each cycle. */
public final class CycleSummary {
    private CycleSummary() {
    }

    /** Number of records in a file's raw_data table, read one record at a time. */
    public static long countRecords(Path file) {
        long rows = 0;
        try (RecordStream records = Battdat.engine().records(file, "raw_data")) {
            while (records.hasNext()) {
                Row row = records.next();
                if (!Double.isNaN(row.getDouble("voltage"))) {
                    rows++;
                }
            }
        }
        return rows;
    }

    /** Number of cycles in a file's raw_data table. */
    public static long countCycles(Path file) {
        long cycles = 0;
        try (CycleStream stream = Battdat.engine().cycles(file, CycleRequest.of("raw_data"))) {
            while (stream.hasNext()) {
                Cycle cycle = stream.next();
                if (cycle.table().rowCount() > 0) {
                    cycles++;
                }
            }
        }
        return cycles;
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        System.out.println(file + ": " + countRecords(file) + " records in " + countCycles(file) + " cycles");
    }
}
