package io.battdat.parsers.arbinres;

import com.healthmarketscience.jackcess.Column;
import com.healthmarketscience.jackcess.DataType;
import com.healthmarketscience.jackcess.Table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The numeric columns of an Arbin table that a reader copies, and how a Jackcess row value becomes a double. */
final class ResTable {
    private ResTable() {
    }

    /** Names of the table's columns that hold numbers (or yes/no flags), in the table's order. */
    static List<String> numericColumns(Table table) {
        List<String> names = new ArrayList<>();
        for (Column c : table.getColumns()) {
            if (isNumeric(c.getType())) {
                names.add(c.getName());
            }
        }
        return names;
    }

    /**
     * Names of the table's columns whose values fit in their row: not MEMO, OLE or attachment columns, whose
     * values live in separate pages behind a length that a damaged file could make huge.
     */
    static Set<String> boundedColumns(Table table) {
        Set<String> names = new LinkedHashSet<>();
        for (Column c : table.getColumns()) {
            switch (c.getType()) {
                case MEMO, OLE, COMPLEX_TYPE, UNSUPPORTED_FIXEDLEN, UNSUPPORTED_VARLEN -> {
                    // not needed from Arbin's tables; left unread
                }
                default -> names.add(c.getName());
            }
        }
        return names;
    }

    static boolean isNumeric(DataType type) {
        return switch (type) {
            case BYTE, INT, LONG, FLOAT, DOUBLE, MONEY, NUMERIC, BOOLEAN, BIG_INT -> true;
            default -> false;
        };
    }

    /** The row's value of a column as a double; null (an empty cell) is NaN, a flag is 1 or 0. */
    static double value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return Double.NaN;
    }
}
