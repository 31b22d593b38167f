package io.battdat.parsers.arbinres;

import com.healthmarketscience.jackcess.Cursor;
import com.healthmarketscience.jackcess.CursorBuilder;
import com.healthmarketscience.jackcess.Index;
import com.healthmarketscience.jackcess.Row;
import com.healthmarketscience.jackcess.Table;
import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The auxiliary channels of one test ({@code Auxiliary_Table}: one record per channel and Data_Point, holding
 * {@code X} and, in newer files, {@code dX_dt}). A channel is a (Data_Type, Auxiliary_Index) pair; in Arbin's
 * files Data_Type 0 is a voltage and 1 a temperature. Channels are found by one pass over the table before the
 * records are read, so the output's columns are known up front.
 */
final class AuxChannels {
    /** Slots of the sorted auxiliary records. */
    static final int POINT = 0;
    static final int TYPE = 1;
    static final int INDEX = 2;
    static final int X = 3;
    static final int RATE = 4;
    private static final int MAX_CHANNELS = 1024;

    /** Receives an output column made of an auxiliary value. */
    interface ColumnSink {
        void add(String name, int slot, String description, String units);
    }

    private final long[] keys;
    private final boolean hasRate;
    private final Table table;
    private final Map<Long, String> nicknames;
    private final Map<Long, String> units;

    private AuxChannels(long[] keys, boolean hasRate, Table table, Map<Long, String> nicknames,
                        Map<Long, String> units) {
        this.keys = keys;
        this.hasRate = hasRate;
        this.table = table;
        this.nicknames = nicknames;
        this.units = units;
    }

    /** The channels of test {@code testId}; none when the file has no auxiliary table or no auxiliary record. */
    static AuxChannels scan(ResDatabase db, long testId) {
        Table table = db.table(ResDatabase.AUX);
        if (table == null) {
            return new AuxChannels(new long[0], false, null, Map.of(), Map.of());
        }
        List<String> numeric = ResTable.numericColumns(table);
        for (String required : List.of(ResDatabase.TEST_ID, ResDatabase.DATA_POINT, "Data_Type", "Auxiliary_Index",
                "X")) {
            if (!numeric.contains(required)) {
                throw new BadFormatException(ErrorLocation.of(db.file(), ResDatabase.AUX),
                        "no numeric column " + required + ": an auxiliary table this parser does not know", null);
            }
        }
        Set<Long> found = new TreeSet<>();
        try {
            Cursor cursor = CursorBuilder.createCursor(table);
            Set<String> wanted = Set.of(ResDatabase.TEST_ID, "Data_Type", "Auxiliary_Index");
            long count = 0;
            Row row;
            while ((row = cursor.getNextRow(wanted)) != null) {
                if (++count > db.maxRecords()) {
                    throw new BadFormatException(ErrorLocation.of(db.file(), ResDatabase.AUX),
                            "more records than the file can hold: "
                            + "the table is damaged", null);
                }
                if (ResTable.value(row, ResDatabase.TEST_ID) != testId) {
                    continue;
                }
                found.add(key(ResTable.value(row, "Data_Type"), ResTable.value(row, "Auxiliary_Index")));
                if (found.size() > MAX_CHANNELS) {
                    throw new BadFormatException(ErrorLocation.of(db.file(), ResDatabase.AUX),
                            "more than " + MAX_CHANNELS + " auxiliary channels: the table is damaged", null);
                }
            }
        } catch (IOException e) {
            throw ResDatabase.failure(db.file(), ResDatabase.AUX, "cannot read the auxiliary records", e);
        }
        long[] keys = found.stream().mapToLong(Long::longValue).toArray();
        Map<Long, String> nicknames = new HashMap<>();
        Map<Long, String> units = new HashMap<>();
        readNames(db, nicknames, units);
        return new AuxChannels(keys, numeric.contains("dX_dt"), table, nicknames, units);
    }

    /** Nicknames and unit labels the user gave the channels (Aux_Global_Data_Table), where unambiguous. */
    private static void readNames(ResDatabase db, Map<Long, String> nicknames, Map<Long, String> units) {
        Table names = db.table(ResDatabase.AUX_GLOBAL);
        if (names == null) {
            return;
        }
        Map<Long, Integer> seen = new HashMap<>();
        int count = 0;
        Set<String> columns = ResTable.boundedColumns(names);
        Cursor cursor;
        try {
            cursor = CursorBuilder.createCursor(names);
        } catch (IOException e) {
            throw ResDatabase.failure(db.file(), ResDatabase.AUX_GLOBAL, "cannot read the channel names", e);
        }
        Row r;
        while ((r = nextRow(db, cursor, columns)) != null) {
            if (++count > MAX_CHANNELS * 64) {
                break; // a list of names only; a damaged one is not worth failing for
            }
            long key = key(ResTable.value(r, "Data_Type"), ResTable.value(r, "Auxiliary_Index"));
            if (seen.merge(key, 1, Integer::sum) > 1) {
                nicknames.remove(key); // several channels of the machine share it: not this test's for sure
                units.remove(key);
                continue;
            }
            if (r.get("Nickname") instanceof String n && !n.isBlank()) {
                nicknames.put(key, n.trim());
            }
            if (r.get("Unit") instanceof String u && !u.isBlank()) {
                units.put(key, u.trim());
            }
        }
    }

    private static Row nextRow(ResDatabase db, Cursor cursor, Set<String> columns) {
        try {
            return cursor.getNextRow(columns);
        } catch (IOException e) {
            throw ResDatabase.failure(db.file(), ResDatabase.AUX_GLOBAL, "cannot read the channel names", e);
        }
    }

    private static long key(double type, double index) {
        return ((long) type << 32) | ((long) index & 0xffffffffL);
    }

    private static int type(long key) {
        return (int) (key >> 32);
    }

    private static int index(long key) {
        return (int) key;
    }

    int size() {
        return keys.length;
    }

    boolean hasRate() {
        return hasRate;
    }

    /**
     * Position of the channel of a record.
     *
     * @throws IllegalStateException when the scan did not see it (the table changed or reads differently)
     */
    int channel(double type, double index) {
        long key = key(type, index);
        for (int c = 0; c < keys.length; c++) {
            if (keys[c] == key) {
                return c;
            }
        }
        throw new IllegalStateException("auxiliary channel (Data_Type " + type + ", Auxiliary_Index " + index
                + ") appeared while reading: the table changed or is damaged");
    }

    /** The channel that is the test's only temperature, or -1 (none, or several). */
    int singleTemperature() {
        int found = -1;
        for (int c = 0; c < keys.length; c++) {
            if (type(keys[c]) == 1) {
                if (found >= 0) {
                    return -1;
                }
                found = c;
            }
        }
        return found;
    }

    /**
     * Declares the auxiliary output columns: value at slot {@code 2c}, rate at {@code 2c + 1}, for every channel
     * {@code c} ({@code temperature} itself is declared by the caller).
     */
    void addColumns(List<String> taken, int temperature, ColumnSink sink) {
        List<String> used = new ArrayList<>(taken);
        for (int c = 0; c < keys.length; c++) {
            int type = type(keys[c]);
            int index = index(keys[c]);
            String kind = switch (type) {
                case 0 -> "voltage";
                case 1 -> "temperature";
                default -> "type" + type;
            };
            String unit = units.getOrDefault(keys[c], type == 0 ? "V" : type == 1 ? "C" : null);
            String what = "Arbin auxiliary channel " + index + " (Data_Type " + type + ", " + kind
                    + (nicknames.containsKey(keys[c]) ? ", named " + nicknames.get(keys[c]) : "") + ")";
            String name = c == temperature ? "temperature" : unique(used, "aux_" + kind + "_" + index);
            if (c != temperature) {
                sink.add(name, 2 * c, what, unit);
            }
            if (hasRate) {
                sink.add(unique(used, name + "_rate"), 2 * c + 1, "rate of change (dX_dt) of " + what,
                        unit == null ? null : unit + "/s");
            }
        }
    }

    private static String unique(List<String> used, String name) {
        String n = name;
        for (int k = 2; used.contains(n); k++) {
            n = name + "_" + k;
        }
        used.add(n);
        return n;
    }

    /** The test's auxiliary records in Data_Point order; null when there are none. */
    SortedRows open(ResDatabase db, long testId, String sortMode, int chunkRows) throws IOException {
        if (keys.length == 0) {
            return null;
        }
        List<String> columns = new ArrayList<>(List.of(ResDatabase.DATA_POINT, "Data_Type", "Auxiliary_Index", "X"));
        if (hasRate) {
            columns.add("dX_dt");
        }
        Index index = sortMode.equals("external") ? null
                : IndexedRows.find(table, ResDatabase.TEST_ID, ResDatabase.DATA_POINT);
        if (index != null) {
            return IndexedRows.open(index, columns, ResDatabase.TEST_ID, testId, db.maxRecords());
        }
        return ExternalSortRows.sort(table, columns, POINT, ResDatabase.TEST_ID, testId, chunkRows,
                db.maxRecords());
    }
}
