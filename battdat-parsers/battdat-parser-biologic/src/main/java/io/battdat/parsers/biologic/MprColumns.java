package io.battdat.parsers.biologic;

import java.util.HashMap;
import java.util.Map;

/**
 * What the column ids of an {@code .mpr} data module mean: each id names one value of a row, its binary type and its
 * EC-Lab column name (the name the {@code .mpt} export prints, unit after the slash). Flag ids share one byte.
 */
final class MprColumns {

    /** The binary type of a column value (little-endian). */
    enum ValueType {
        /** One of the bits of the shared flags byte. */
        FLAG(0), U1(1), U2(2), U4(4), F4(4), F8(8);

        final int bytes;

        ValueType(int bytes) {
            this.bytes = bytes;
        }
    }

    /** One column id: its EC-Lab name, type and, for flags, the bit mask within the flags byte. */
    record Column(int id, String name, ValueType type, int mask) {
    }

    private static final Map<Integer, Column> BY_ID = new HashMap<>();

    static {
        // Flags: packed into one byte, placed where the first flag id appears in the id list.
        flag(1, "mode", 0x03);
        flag(2, "ox/red", 0x04);
        flag(3, "error", 0x08);
        flag(21, "control changes", 0x10);
        flag(31, "Ns changes", 0x20);
        flag(65, "counter inc.", 0x80);

        value(4, "time/s", ValueType.F8);
        value(5, "control/V/mA", ValueType.F4);
        value(6, "Ewe/V", ValueType.F4);
        value(7, "dq/mA.h", ValueType.F8);
        value(8, "I/mA", ValueType.F4);
        value(9, "Ece/V", ValueType.F4);
        value(11, "<I>/mA", ValueType.F8);
        value(13, "(Q-Qo)/mA.h", ValueType.F8);
        value(15, "Phase(Z1)/deg", ValueType.F4);
        value(16, "Analog IN 1/V", ValueType.F4);
        value(17, "Analog IN 2/V", ValueType.F4);
        value(19, "control/V", ValueType.F4);
        value(20, "control/mA", ValueType.F4);
        value(23, "dQ/mA.h", ValueType.F8);
        value(24, "cycle number", ValueType.F8);
        value(26, "Rapp/Ohm", ValueType.F4);
        value(27, "Ewe-Ece/V", ValueType.F4);
        value(32, "freq/Hz", ValueType.F4);
        value(33, "|Ewe|/V", ValueType.F4);
        value(34, "|I|/A", ValueType.F4);
        value(35, "Phase(Z)/deg", ValueType.F4);
        value(36, "|Z|/Ohm", ValueType.F4);
        value(37, "Re(Z)/Ohm", ValueType.F4);
        value(38, "-Im(Z)/Ohm", ValueType.F4);
        value(39, "I Range", ValueType.U2);
        value(45, "|Z1|/Ohm", ValueType.F4);
        value(46, "|Z2|/Ohm", ValueType.F4);
        value(69, "R/Ohm", ValueType.F4);
        value(70, "P/W", ValueType.F4);
        value(74, "|Energy|/W.h", ValueType.F8);
        value(75, "Analog OUT/V", ValueType.F4);
        value(76, "<I>/mA", ValueType.F4);
        value(77, "<Ewe>/V", ValueType.F4);
        value(78, "Cs-2/µF-2", ValueType.F4);
        value(96, "|Ece|/V", ValueType.F4);
        value(98, "Phase(Zce)/deg", ValueType.F4);
        value(99, "|Zce|/Ohm", ValueType.F4);
        value(100, "Re(Zce)/Ohm", ValueType.F4);
        value(101, "-Im(Zce)/Ohm", ValueType.F4);
        value(105, "-Im(Z1)/Ohm", ValueType.F4);
        value(106, "-Im(Z2)/Ohm", ValueType.F4);
        value(110, "Energy ce/W.h", ValueType.F8);
        value(112, "Energy we/W.h", ValueType.F8);
        value(115, "Energy ce charge/W.h", ValueType.F8);
        value(116, "Energy ce discharge/W.h", ValueType.F8);
        value(123, "Energy charge/W.h", ValueType.F8);
        value(124, "Energy discharge/W.h", ValueType.F8);
        value(125, "Capacitance charge/µF", ValueType.F8);
        value(126, "Capacitance discharge/µF", ValueType.F8);
        value(131, "Ns", ValueType.U2);
        value(135, "<E1>/V", ValueType.F4);
        value(136, "<E2>/V", ValueType.F4);
        value(163, "|Estack|/V", ValueType.F4);
        value(166, "Phase(Zstack)/deg", ValueType.F4);
        value(167, "|Zstack|/Ohm", ValueType.F4);
        value(168, "Rcmp/Ohm", ValueType.F4);
        value(169, "Cs/µF", ValueType.F4);
        value(172, "Cp/µF", ValueType.F4);
        value(173, "Cp-2/µF-2", ValueType.F4);
        value(174, "<Ewe>/V", ValueType.F4); // Phase(Zwe-ce)/deg when 6 or 77 is present: see resolve()
        value(175, "|Zwe-ce|/Ohm", ValueType.F4);
        value(176, "Re(Zwe-ce)/Ohm", ValueType.F4);
        value(177, "-Im(Zwe-ce)/Ohm", ValueType.F4);
        value(178, "(Q-Qo)/C", ValueType.F4);
        value(179, "dQ/C", ValueType.F4);
        value(182, "step time/s", ValueType.F8);
        value(185, "<Ece>/V", ValueType.F4);
        value(206, "Temperature/°C", ValueType.F4);
        value(211, "Q charge/discharge/mA.h", ValueType.F8);
        value(212, "half cycle", ValueType.U4);
        value(213, "z cycle", ValueType.U4);
        value(215, "<Ece>/V", ValueType.F4);
        value(217, "THD Ewe/%", ValueType.F4);
        value(218, "THD I/%", ValueType.F4);
        value(219, "THD Ece/%", ValueType.F4);
        value(220, "NSD Ewe/%", ValueType.F4);
        value(221, "NSD I/%", ValueType.F4);
        value(222, "NSD Ece/%", ValueType.F4);
        value(223, "NSR Ewe/%", ValueType.F4);
        value(224, "NSR I/%", ValueType.F4);
        value(225, "NSR Ece/%", ValueType.F4);
        String[] harmonics = {"|Ewe h%d|/V", "|I h%d|/A", "|Ece h%d|/V"};
        for (int h = 0; h < harmonics.length; h++) {
            for (int k = 2; k <= 7; k++) {
                value(230 + 6 * h + (k - 2), String.format(harmonics[h], k), ValueType.F4);
            }
        }
        value(248, "Rac/Ohm", ValueType.F4);
        value(249, "Rdc/Ohm", ValueType.F4);
        value(253, "Acir/Dcir Control", ValueType.U1);
        // Ids above 255: newer EC-Lab versions. Many are 256 plus an older id of the same quantity, but not all
        // (498-502 are not), so each is listed rather than derived.
        value(271, "Phase(Z1)/deg", ValueType.F4);
        value(272, "Phase(Z2)/deg", ValueType.F4);
        value(301, "|Z1|/Ohm", ValueType.F4);
        value(302, "|Z2|/Ohm", ValueType.F4);
        value(331, "Re(Z1)/Ohm", ValueType.F4);
        value(332, "Re(Z2)/Ohm", ValueType.F4);
        value(361, "-Im(Z1)/Ohm", ValueType.F4);
        value(362, "-Im(Z2)/Ohm", ValueType.F4);
        value(391, "<E1>/V", ValueType.F4);
        value(392, "<E2>/V", ValueType.F4);
        value(422, "Phase(Zstack)/deg", ValueType.F4);
        value(423, "|Zstack|/Ohm", ValueType.F4);
        value(424, "Re(Zstack)/Ohm", ValueType.F4);
        value(425, "-Im(Zstack)/Ohm", ValueType.F4);
        value(426, "<Estack>/V", ValueType.F4);
        value(430, "Phase(Zwe-ce)/deg", ValueType.F4);
        value(431, "|Zwe-ce|/Ohm", ValueType.F4);
        value(432, "Re(Zwe-ce)/Ohm", ValueType.F4);
        value(433, "-Im(Zwe-ce)/Ohm", ValueType.F4);
        value(434, "(Q-Qo)/C", ValueType.F4);
        value(435, "dQ/C", ValueType.F4);
        value(438, "step time/s", ValueType.F8);
        value(441, "<Ecv>/V", ValueType.F4);
        value(462, "Temperature/°C", ValueType.F4);
        value(467, "Q charge/discharge/mA.h", ValueType.F8);
        value(468, "half cycle", ValueType.U4);
        value(469, "z cycle", ValueType.U4);
        value(471, "<Ece>/V", ValueType.F4);
        value(473, "THD Ewe/%", ValueType.F4);
        value(474, "THD I/%", ValueType.F4);
        value(476, "NSD Ewe/%", ValueType.F4);
        value(477, "NSD I/%", ValueType.F4);
        value(479, "NSR Ewe/%", ValueType.F4);
        value(480, "NSR I/%", ValueType.F4);
        for (int k = 2; k <= 7; k++) {
            value(486 + (k - 2), "|Ewe h" + k + "|/V", ValueType.F4);
            value(492 + (k - 2), "|I h" + k + "|/A", ValueType.F4);
        }
        value(498, "Q charge/mA.h", ValueType.F8);
        value(499, "Q discharge/mA.h", ValueType.F8);
        value(500, "step time/s", ValueType.F8);
        value(501, "Efficiency/%", ValueType.F8);
        value(502, "Capacity/mA.h", ValueType.F8);
        value(505, "Rdc/Ohm", ValueType.F4);
        value(509, "Acir/Dcir Control", ValueType.U1);
    }

    private MprColumns() {
    }

    private static void flag(int id, String name, int mask) {
        BY_ID.put(id, new Column(id, name, ValueType.FLAG, mask));
    }

    private static void value(int id, String name, ValueType type) {
        BY_ID.put(id, new Column(id, name, type, 0));
    }

    /** The column of an id, or null when the id is unknown. */
    static Column get(int id) {
        return BY_ID.get(id);
    }

    /**
     * The column of an id within the file's id list: id 174 is {@code <Ewe>/V} alone, but the phase of Zwe-ce
     * when the file also stores {@code Ewe/V} (6) or {@code <Ewe>/V} (77).
     */
    static Column resolve(int id, int[] allIds) {
        if (id == 174) {
            for (int other : allIds) {
                if (other == 6 || other == 77) {
                    return new Column(174, "Phase(Zwe-ce)/deg", ValueType.F4, 0);
                }
            }
        }
        return get(id);
    }
}
