package io.battdat.parsers.arbinres;

import com.healthmarketscience.jackcess.Column;
import com.healthmarketscience.jackcess.DataType;
import com.healthmarketscience.jackcess.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
