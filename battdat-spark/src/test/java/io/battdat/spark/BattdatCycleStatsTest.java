package io.battdat.spark;

import io.battdat.api.postprocess.PostProcessOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableInfo;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.PostProcessor;
import io.battdat.streaming.postprocess.CycleTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cycle statistics of a lake through Spark equal the single-machine summaries, table by table and in total. */
class BattdatCycleStatsTest {
    @TempDir
    Path lake;

    @Test
    void aLakesCycleStatisticsEqualTheSingleMachineCommand() throws IOException {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Files.createDirectories(lake.resolve("a"));
        Files.createDirectories(lake.resolve("b"));
        Files.copy(repo.resolve("testdata/hdf5/plain.h5"), lake.resolve("a/plain.h5"));
        Files.copy(repo.resolve("testdata/hdf5/multi-cell.h5"), lake.resolve("b/multi.h5"));
        Files.copy(repo.resolve("testdata/hdf5/zlib9.h5"), lake.resolve("b/zlib9.h5"));

        Dataset<Row> stats = BattdatCycleStats.summarize(TestingSpark.spark(), lake + "/**/*.h5");
        List<Row> rows = stats.collectAsList();
        PostProcessor post = new PostProcessor(Battdat.engine());
        long expectedRows = 0;
        double expectedCharge = 0;
        double expectedDischarge = 0;
        for (Path file : List.of(lake.resolve("a/plain.h5"), lake.resolve("b/multi.h5"), lake.resolve("b/zlib9.h5"))) {
            try (StoredDataset ds = Battdat.engine().open(file)) {
                for (TableInfo t : ds.tables()) {
                    if (!t.name().equals("raw_data")) {
                        continue;
                    }
                    CycleTable single = post.summarize(file, t.key(), PostProcessOptions.DEFAULT);
                    String cell = t.prefix() == null ? "" : t.prefix();
                    List<Row> mine = rows.stream().filter(r -> r.getString(0).equals(file.toString())
                            && r.getString(1).equals(cell)).toList();
                    assertEquals(single.rowCount(), mine.size(), file + " " + t.key());
                    for (int r = 0; r < single.rowCount(); r++) {
                        Row row = mine.get(r);
                        assertEquals(single.cycleNumber(r), row.getLong(2));
                        for (String column : single.columnNames()) {
                            if (!column.equals("cycle_number")) {
                                double want = single.get(column, r);
                                double got = row.getDouble(row.fieldIndex(column));
                                assertTrue(Double.compare(want, got) == 0, file + " " + t.key() + " cycle "
                                        + single.cycleNumber(r) + " " + column + ": " + want + " vs " + got);
                            }
                        }
                        expectedCharge += single.get("capacity_charge", r);
                        expectedDischarge += single.get("capacity_discharge", r);
                    }
                    expectedRows += single.rowCount();
                }
            }
        }
        assertTrue(expectedRows > 0);
        assertEquals(expectedRows, rows.size());
        Row totals = stats.selectExpr("count(*)", "sum(capacity_charge)", "sum(capacity_discharge)").first();
        assertEquals(expectedRows, totals.getLong(0));
        assertEquals(expectedCharge, totals.getDouble(1), 1e-9 * Math.max(1, Math.abs(expectedCharge)));
        assertEquals(expectedDischarge, totals.getDouble(2), 1e-9 * Math.max(1, Math.abs(expectedDischarge)));
    }
}
