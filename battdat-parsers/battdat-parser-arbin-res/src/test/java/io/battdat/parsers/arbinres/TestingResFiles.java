package io.battdat.parsers.arbinres;

import com.healthmarketscience.jackcess.ColumnBuilder;
import com.healthmarketscience.jackcess.DataType;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.IndexBuilder;
import com.healthmarketscience.jackcess.Table;
import com.healthmarketscience.jackcess.TableBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes Arbin-like {@code .res} files with Jackcess (the layout of MITS Pro's tables, made-up cycling data) for
 * the tests and for scale runs: {@code main} makes a file of a given size, so no large binary is kept in the
 * repository. Records can be stored out of Data_Point order, with or without the (Test_ID, Data_Point) index.
 */
public final class TestingResFiles {
    /** Seconds between records. */
    static final double STEP_SECONDS = 10.0;
    /** Start of every test, as an OLE date: 2024-01-02 03:04:05. */
    static final double START_OLE = 45293.12783564815;
    private static final int INSERT_BATCH = 4096;

    /** What to write. */
    record Spec(int tests, int recordsPerTest, boolean indexed, boolean shuffled, boolean temperature, long seed) {
        Spec withRecords(int n) {
            return new Spec(tests, n, indexed, shuffled, temperature, seed);
        }
    }

    private TestingResFiles() {
    }

    /**
     * Makes a file of about {@code args[1]} MB at {@code args[0]}: one test, indexed, records stored in order,
     * a temperature channel, a statistic record per cycle. Prints the record count.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: TestingResFiles OUT.res MEGABYTES");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long megabytes = Long.parseLong(args[1]);
        // about 140 bytes per record and auxiliary record together, measured on files this class writes
        int records = (int) Math.min(Integer.MAX_VALUE - 1, megabytes * 1024 * 1024 / 140);
        Files.deleteIfExists(out);
        write(out, new Spec(1, records, true, false, true, 1));
        // a statistic record at the last record of every whole cycle, as Arbin logs them
        int[] cycleEnds = new int[records / 160];
        for (int c = 0; c < cycleEnds.length; c++) {
            cycleEnds[c] = 160 * (c + 1);
        }
        addStatistics(out, 1, true, cycleEnds);
        System.out.println(records + " records, " + cycleEnds.length + " statistic records, " + Files.size(out)
                + " bytes: " + out);
    }

    /** Value of a made-up current at a record: charge, rest, discharge, rest, 40 records each; cycles of 160. */
    static double current(int point) {
        int phase = (point / 40) % 4;
        return phase == 0 ? 1.5 : phase == 2 ? -1.5 : 0.0;
    }

    static double voltage(int point) {
        return 3.7 + 0.4 * Math.sin(point / 50.0);
    }

    static int cycle(int point) {
        return 1 + point / 160;
    }

    static void write(Path file, Spec spec) throws IOException {
        try (Database db = DatabaseBuilder.create(Database.FileFormat.V2000, file.toFile())) {
            Table global = table("Global_Table", "Test_ID LONG, Test_Name TEXT, Channel_Index INT, "
                    + "Start_DateTime DOUBLE, Schedule_File_Name TEXT, Creator TEXT, Comments TEXT").toTable(db);
            for (int t = 1; t <= spec.tests(); t++) {
                global.addRow(t, "made-up test " + t, 10 + t, START_OLE, "Demo\\Cycling.sdu", "battdat", "");
            }
            TableBuilder normalBuilder = table("Channel_Normal_Table", "Test_ID LONG, Data_Point LONG, "
                    + "Test_Time DOUBLE, Step_Time DOUBLE, DateTime DOUBLE, Step_Index INT, Cycle_Index LONG, "
                    + "Is_FC_Data BYTE, Current FLOAT, Voltage FLOAT, Charge_Capacity DOUBLE, "
                    + "Discharge_Capacity DOUBLE, Charge_Energy DOUBLE, Discharge_Energy DOUBLE, dV/dt FLOAT, "
                    + "Internal_Resistance FLOAT");
            TableBuilder auxBuilder = table("Auxiliary_Table", "Test_ID LONG, Data_Point LONG, Auxiliary_Index INT, "
                    + "Data_Type INT, X FLOAT, dX_dt FLOAT");
            if (spec.indexed()) {
                normalBuilder.addIndex(primaryKey("Test_ID", "Data_Point"));
                auxBuilder.addIndex(primaryKey("Test_ID", "Data_Point", "Auxiliary_Index", "Data_Type"));
            }
            Table normal = normalBuilder.toTable(db);
            Table aux = auxBuilder.toTable(db);
            Random random = new Random(spec.seed());
            for (int t = 1; t <= spec.tests(); t++) {
                int[] order = new int[spec.recordsPerTest()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                if (spec.shuffled()) {
                    for (int i = order.length - 1; i > 0; i--) {
                        int j = random.nextInt(i + 1);
                        int x = order[i];
                        order[i] = order[j];
                        order[j] = x;
                    }
                }
                List<Object[]> rows = new ArrayList<>(INSERT_BATCH);
                List<Object[]> auxRows = new ArrayList<>(INSERT_BATCH);
                for (int i : order) {
                    int point = i + 1;
                    double time = point * STEP_SECONDS + t;
                    rows.add(new Object[]{t, point, time, time % 400, START_OLE + time / 86400.0,
                            (short) (1 + (i / 40) % 4), cycle(i), (byte) 0, (float) current(i),
                            (float) voltage(i), i * 1e-3, i * 5e-4, i * 4e-3, i * 2e-3, 0.0f, 0.01f});
                    if (spec.temperature()) {
                        auxRows.add(new Object[]{t, point, (short) 0, (short) 1, (float) (25 + i % 7), 0.0f});
                    }
                    if (rows.size() == INSERT_BATCH) {
                        normal.addRows(rows);
                        rows.clear();
                    }
                    if (auxRows.size() == INSERT_BATCH) {
                        aux.addRows(auxRows);
                        auxRows.clear();
                    }
                }
                normal.addRows(rows);
                aux.addRows(auxRows);
            }
        }
    }

    /**
     * Adds a {@code Channel_Statistic_Table} to a file {@link #write} made: one record per given Data_Point of test
     * {@code test}, stored in the given order, with made-up {@code Vmax_On_Cycle}, {@code Charge_Time} and
     * {@code Discharge_Time} derived from the point ({@link #statisticVmax}).
     */
    static void addStatistics(Path file, int test, boolean indexed, int... points) throws IOException {
        try (Database db = DatabaseBuilder.open(file.toFile())) {
            TableBuilder builder = table("Channel_Statistic_Table", "Test_ID LONG, Data_Point LONG, "
                    + "Vmax_On_Cycle FLOAT, Charge_Time DOUBLE, Discharge_Time DOUBLE");
            if (indexed) {
                builder.addIndex(primaryKey("Test_ID", "Data_Point"));
            }
            Table table = builder.toTable(db);
            for (int point : points) {
                table.addRow(test, point, statisticVmax(point), point * 2.0, point * 3.0);
            }
        }
    }

    /** The made-up Vmax_On_Cycle of a statistic record. */
    static float statisticVmax(int point) {
        return 4.0f + point / 100_000f;
    }

    /** A table builder with the columns {@code "Name TYPE, Name TYPE, ..."}, types named as Jackcess names them. */
    private static TableBuilder table(String name, String columns) {
        TableBuilder builder = new TableBuilder(name);
        for (String column : columns.split(",")) {
            String[] nameAndType = column.trim().split(" ");
            builder.addColumn(new ColumnBuilder(nameAndType[0], DataType.valueOf(nameAndType[1])));
        }
        return builder;
    }

    /** The primary-key index over {@code columns}. */
    private static IndexBuilder primaryKey(String... columns) {
        return new IndexBuilder(IndexBuilder.PRIMARY_KEY_NAME).addColumns(columns).setPrimaryKey();
    }

    /** An Access database with a table that is not Arbin's. */
    static void writeOtherDatabase(Path file) throws IOException {
        try (Database db = DatabaseBuilder.create(Database.FileFormat.V2000, file.toFile())) {
            Table t = table("Customers", "Id LONG, Name TEXT").toTable(db);
            t.addRow(1, "Ada");
        }
    }
}
