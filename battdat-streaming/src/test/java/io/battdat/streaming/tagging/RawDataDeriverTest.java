package io.battdat.streaming.tagging;

import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.parse.PostProcessing;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RawDataDeriverTest {
    private static final TableLayout LAYOUT = TableLayout.of(ColumnSpec.of("cycle_number", StorageType.INT64),
            ColumnSpec.of("test_time", StorageType.FLOAT64), ColumnSpec.of("current", StorageType.FLOAT64),
            ColumnSpec.of("voltage", StorageType.FLOAT64));

    /** What came out: one entry per row, "state/step/method/substep". */
    private final List<String> rows = new ArrayList<>();

    private RawDataDeriver deriver(PostProcessing plan, int batchRows) {
        return new RawDataDeriver(Path.of("x"), "/raw_data", LAYOUT, plan, batchRows, b -> {
            for (int r = 0; r < b.rowCount(); r++) {
                rows.add(b.strings("state").get(r) + "/" + b.longs("step_index").buffer()[r] + "/"
                        + b.strings("method").get(r) + "/" + b.longs("substep_index").buffer()[r]);
            }
        });
    }

    /** The synthetic sequence of Python's tagging tests: segments of (rows, current), 2 s apart. */
    private static ColumnBatch synthetic() {
        int[] lengths = {16, 16, 4, 4, 8, 4, 16};
        double[] currents = {0, -1, 0, -1, 2, 0, 1};
        BatchBuffer b = BatchBuffer.allocate(LAYOUT, 68);
        int r = 0;
        for (int s = 0; s < lengths.length; s++) {
            for (int k = 0; k < lengths[s]; k++, r++) {
                ((LongColumn) b.column(0)).buffer()[r] = 0;
                ((DoubleColumn) b.column(1)).buffer()[r] = 2.0 * r;
                ((DoubleColumn) b.column(2)).buffer()[r] = currents[s];
                ((DoubleColumn) b.column(3)).buffer()[r] = 3.5 + currents[s] * 0.01 * k;
            }
        }
        b.setRowCount(68);
        return b;
    }

    @Test
    void tagsTheSyntheticSequenceBySegment() {
        RawDataDeriver d = deriver(PostProcessing.tagging(), 5); // small output batches: steps span batches
        d.write(synthetic());
        d.finish();
        assertEquals(68, rows.size(), rows.toString());
        assertEquals("resting/0/rest/0", rows.get(0));
        assertEquals("discharging/1", rows.get(16).substring(0, 13));
        assertEquals("resting/2/short_rest", rows.get(32).substring(0, 20));
        assertEquals("discharging/3/short_nonrest", rows.get(36).substring(0, 27));
        assertEquals("charging/4/pulse", rows.get(40).substring(0, 16));
        assertEquals("resting/5/short_rest", rows.get(48).substring(0, 20));
        assertEquals("charging/6", rows.get(52).substring(0, 10));
    }

    @Test
    void sameResultWhateverTheInputBatching() {
        RawDataDeriver whole = deriver(PostProcessing.tagging(), 1000);
        whole.write(synthetic());
        whole.finish();
        List<String> expected = new ArrayList<>(rows);
        rows.clear();
        RawDataDeriver split = deriver(PostProcessing.tagging(), 7);
        ColumnBatch all = synthetic();
        for (int from = 0; from < 68; from += 3) {
            BatchBuffer part = BatchBuffer.allocate(LAYOUT, 3);
            part.appendRows(all, from, Math.min(68, from + 3));
            split.write(part);
        }
        split.finish();
        assertEquals(expected, rows);
    }

    @Test
    void dropsRepeatedRowsAndCountsStepsPerCycle() {
        BatchBuffer b = BatchBuffer.allocate(LAYOUT, 6);
        double[][] data = {{0, 0.0, 0, 3}, {0, 0.001, 0, 3}, {0, 1, 1, 3.1}, {1, 2, 1, 3.2}, {1, 3, -1, 3.0},
                {1, 3.004, -1, 3.0}};
        for (int r = 0; r < data.length; r++) {
            ((LongColumn) b.column(0)).buffer()[r] = (long) data[r][0];
            for (int c = 1; c < 4; c++) {
                ((DoubleColumn) b.column(c)).buffer()[r] = data[r][c];
            }
        }
        b.setRowCount(6);
        RawDataDeriver d = deriver(PostProcessing.tagging().withDropDuplicates(2), 100);
        d.write(b);
        d.finish();
        assertEquals(2, d.rowsDropped());
        assertEquals(List.of("resting/0", "charging/1", "charging/0", "discharging/1"),
                rows.stream().map(s -> s.substring(0, s.indexOf('/', s.indexOf('/') + 1))).toList());
    }
}
