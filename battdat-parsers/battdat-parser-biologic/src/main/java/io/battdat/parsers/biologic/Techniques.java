package io.battdat.parsers.biologic;

import java.util.Map;

/** EC-Lab technique ids (the first byte of an {@code .mpr} settings module) and their short names. */
final class Techniques {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x04, "GCPL"), Map.entry(0x06, "CV"), Map.entry(0x0B, "OCV"), Map.entry(0x16, "MP"),
            Map.entry(0x18, "CA"), Map.entry(0x19, "CP"), Map.entry(0x1C, "WAIT"), Map.entry(0x1D, "PEIS"),
            Map.entry(0x1E, "GEIS"), Map.entry(0x30, "CV"), Map.entry(0x32, "ZIR"), Map.entry(0x33, "CVA"),
            Map.entry(0x6C, "LSV"), Map.entry(0x75, "coV"), Map.entry(0x76, "coC"), Map.entry(0x77, "GCPL"),
            Map.entry(0x7F, "MB"), Map.entry(0x88, "BCD"));

    private Techniques() {
    }

    /** The technique's short name, or null for an id we do not know. */
    static String name(int id) {
        return NAMES.get(id);
    }
}
