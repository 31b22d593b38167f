package io.battdat.parsers.arbinres;

import com.healthmarketscience.jackcess.Index;
import com.healthmarketscience.jackcess.Table;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.parse.BatchBuilder;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.PostProcessing;
import io.battdat.api.schema.ColumnType;
import io.battdat.api.schema.CycleLevelData;
import io.battdat.parsers.common.TableColumns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One test's {@code Channel_Statistic_Table} turned into {@code cycle_stats}. Arbin logs a statistic record at the
 * Data_Point that ends a cycle ({@code Vmax_On_Cycle}, {@code Charge_Time}, {@code Discharge_Time} in the files
 * we know); the record says nothing of the cycle's capacities, so each {@code cycle_stats} row joins it with the
 * {@code Channel_Normal_Table} record of the same Data_Point: {@code cycle_number} is that record's cycle,
 * {@code cycle_start} the test time of the cycle's first record, {@code cycle_duration} the time from there to the
 * statistic record, and the capacities and energies are the record's Charge/Discharge_Capacity/Energy less their
 * value when the cycle began (Arbin restarts them at each cycle in some versions and accumulates them over the
 * test in others; a drop at the cycle's first record tells which, see {@link #startCycle}). {@code V_maximum} is
 * {@code Vmax_On_Cycle}; every other column of the statistic table is kept under its name in lower case.
 *
 * <p>Cycles without a statistic record (the last one of a run that stopped mid-cycle, or cycles logged without
 * statistics) get no row: nothing is invented. The statistic records are read in Data_Point order (the table's
 * index, or an external sort) alongside the normal records, so nothing grows with the file.
 */
final class CycleStatsReader implements AutoCloseable {
    static final String TABLE = "cycle_stats";
    private static final String[] CAPACITY_SOURCES = {"Charge_Capacity", "Discharge_Capacity", "Charge_Energy",
        "Discharge_Energy"};
    private static final String[] CAPACITY_NAMES = {"capacity_charge", "capacity_discharge", "energy_charge",
        "energy_discharge"};

    private final SortedRows rows;
    private final int vmaxSlot;
    private final BatchBuilder out;
    private final long[] cycleOut;
    private final double[] startOut;
    private final double[] durationOut;
    private final double[][] capacityOut = new double[4][];
    private final double[] vmaxOut;
    private final long[] pointOut;
    private final double[] timeOut;
    private final double[][] extraOut;
    private final int[] extraSlots;

    private boolean has;
    private long orphans;
    private long cycle = Long.MIN_VALUE;
    private double cycleStart = Double.NaN;
    private final double[] baseline = new double[4];
    private final double[] previous = new double[4];
    private boolean first = true;

    private CycleStatsReader(SortedRows rows, List<String> statColumns, ParseContext context) {
        this.rows = rows;
        this.vmaxSlot = indexOfIgnoreCase(statColumns, "Vmax_On_Cycle");
        TableColumns columns = new TableColumns(new CycleLevelData())
                .add("cycle_number", StorageType.INT64)
                .add("cycle_start", StorageType.FLOAT64)
                .add("cycle_duration", StorageType.FLOAT64);
        for (String name : CAPACITY_NAMES) {
            columns.add(name, StorageType.FLOAT64);
        }
        if (vmaxSlot >= 0) {
            columns.add("V_maximum", StorageType.FLOAT64);
        }
        columns.addExtra(ColumnSpec.of("data_point", StorageType.INT64), "Arbin's Data_Point of the record at which "
                + "the cycle's statistics were logged", ColumnType.INTEGER, null, true);
        columns.addExtra(ColumnSpec.of("test_time", StorageType.FLOAT64), "test time of the record at which the "
                + "cycle's statistics were logged", ColumnType.FLOAT, "s", true);
        List<Integer> extras = new ArrayList<>();
        for (int slot = 1; slot < statColumns.size(); slot++) {
            if (slot == vmaxSlot) {
                continue;
            }
            String source = statColumns.get(slot);
            String name = TestReader.columnName(source);
            while (columns.contains(name)) {
                name = name + "_stat";
            }
            boolean time = name.endsWith("_time");
            columns.addExtra(ColumnSpec.of(name, StorageType.FLOAT64), "Arbin's " + source
                    + " (Channel_Statistic_Table)" + (time ? ": time spent in that direction during the cycle" : ""),
                    ColumnType.FLOAT, time ? "s" : null, false);
            extras.add(slot);
        }
        this.out = columns.open(context, TABLE, PostProcessing.none());
        int c = 0;
        this.cycleOut = ((LongColumn) out.batch().column(c++)).buffer();
        this.startOut = ((DoubleColumn) out.batch().column(c++)).buffer();
        this.durationOut = ((DoubleColumn) out.batch().column(c++)).buffer();
        for (int k = 0; k < 4; k++) {
            capacityOut[k] = ((DoubleColumn) out.batch().column(c++)).buffer();
        }
        this.vmaxOut = vmaxSlot >= 0 ? ((DoubleColumn) out.batch().column(c++)).buffer() : null;
        this.pointOut = ((LongColumn) out.batch().column(c++)).buffer();
        this.timeOut = ((DoubleColumn) out.batch().column(c++)).buffer();
        this.extraSlots = extras.stream().mapToInt(Integer::intValue).toArray();
        this.extraOut = new double[extraSlots.length][];
        for (int k = 0; k < extraSlots.length; k++) {
            extraOut[k] = ((DoubleColumn) out.batch().column(c++)).buffer();
        }
    }

    /**
     * The statistics of test {@code testId}, with the {@code cycle_stats} table declared; null (and no table) when
     * the file has no statistic table, the table lacks Data_Point, or the test has no statistic record.
     */
    static CycleStatsReader open(ResDatabase db, long testId, String sortMode, int chunkRows, ParseContext context)
            throws IOException {
        Table table = db.table(ResDatabase.STATISTIC);
        if (table == null || table.getRowCount() == 0) {
            return null;
        }
        List<String> numeric = ResTable.numericColumns(table);
        String test = find(numeric, ResDatabase.TEST_ID);
        String point = find(numeric, ResDatabase.DATA_POINT);
        if (test == null || point == null) {
            context.warn(db.file() + ": " + ResDatabase.STATISTIC + " has no numeric Test_ID and Data_Point "
                    + "(columns " + numeric + "): its statistics are left out");
            return null;
        }
        List<String> columns = new ArrayList<>();
        columns.add(point);
        for (String c : numeric) {
            if (!c.equals(test) && !c.equals(point)) {
                columns.add(c);
            }
        }
        Index index = sortMode.equals("external") ? null
                : IndexedRows.find(table, ResDatabase.TEST_ID, ResDatabase.DATA_POINT);
        SortedRows rows = index != null
                ? IndexedRows.open(index, columns, test, testId, db.maxRecords())
                : ExternalSortRows.sort(table, columns, 0, test, testId, chunkRows, db.maxRecords());
        if (!rows.next()) {
            rows.close();
            return null;
        }
        CycleStatsReader stats = new CycleStatsReader(rows, columns, context);
        stats.has = true;
        return stats;
    }

    /** Source columns of the normal table whose values make the capacities; {@code null} entries where absent. */
    static String[] capacitySources(List<String> normalColumns) {
        String[] found = new String[4];
        for (int k = 0; k < 4; k++) {
            found[k] = find(normalColumns, CAPACITY_SOURCES[k]);
        }
        return found;
    }

    /**
     * Takes one normal record, in Data_Point order: notes where its cycle began and writes a {@code cycle_stats} row
     * for each statistic record logged at its Data_Point.
     *
     * @param capacities the record's Charge_Capacity, Discharge_Capacity, Charge_Energy, Discharge_Energy (NaN
     *                   where the table lacks them)
     */
    void record(double point, long recordCycle, double testTime, double[] capacities) {
        if (first || recordCycle != cycle) {
            startCycle(recordCycle, testTime, capacities);
        }
        System.arraycopy(capacities, 0, previous, 0, 4);
        while (has && rows.get(0) < point) {
            orphans++;
            has = rows.next();
        }
        while (has && rows.get(0) == point) {
            int i = out.row();
            cycleOut[i] = cycle;
            startOut[i] = cycleStart;
            durationOut[i] = testTime - cycleStart;
            for (int k = 0; k < 4; k++) {
                capacityOut[k][i] = capacities[k] - baseline[k];
            }
            if (vmaxOut != null) {
                vmaxOut[i] = rows.get(vmaxSlot);
            }
            pointOut[i] = (long) point;
            timeOut[i] = testTime;
            for (int k = 0; k < extraSlots.length; k++) {
                extraOut[k][i] = rows.get(extraSlots[k]);
            }
            out.commit();
            has = rows.next();
        }
    }

    /**
     * A new cycle: its capacities count from the value the counters had when it began. Where Arbin restarts the
     * counters with the cycle, the first record holds less than the last one before it (or the same zero), and the
     * cycle counts from 0; where Arbin accumulates over the test, the cycle counts from the last value before it.
     */
    private void startCycle(long recordCycle, double testTime, double[] capacities) {
        for (int k = 0; k < 4; k++) {
            baseline[k] = first || capacities[k] < previous[k] || Double.isNaN(previous[k]) ? 0 : previous[k];
        }
        first = false;
        cycle = recordCycle;
        cycleStart = testTime;
    }

    /** Writes the last rows; the number of statistic records that matched no normal record (left out). */
    long finish() {
        while (has) {
            orphans++;
            has = rows.next();
        }
        out.finish();
        return orphans;
    }

    long rows() {
        return out.rowsCommitted();
    }

    @Override
    public void close() {
        rows.close();
    }

    private static String find(List<String> names, String wanted) {
        int i = indexOfIgnoreCase(names, wanted);
        return i < 0 ? null : names.get(i);
    }

    private static int indexOfIgnoreCase(List<String> names, String wanted) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }
}
