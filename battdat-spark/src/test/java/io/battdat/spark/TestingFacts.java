package io.battdat.spark;

import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.StringColumn;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import io.battdat.streaming.Battdat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What our engine computes for one table, file by file: rows, column sums, distinct cycle numbers. */
record TestingFacts(long rows, Map<String, Double> sums, Set<Long> cycles) {

    /** Facts of every table named {@code table} in a file, by cell ("" for the root). */
    static Map<String, TestingFacts> of(Path file, String table) {
        Map<String, TestingFacts> out = new LinkedHashMap<>();
        try (StoredDataset ds = Battdat.engine().open(file)) {
            for (TableInfo t : ds.tables()) {
                if (!t.name().equals(table)) {
                    continue;
                }
                long rows = 0;
                Map<String, Double> sums = new HashMap<>();
                Set<Long> cycles = new HashSet<>();
                try (TableCursor c = ds.openTable(t.key(), Battdat.engine().options())) {
                    while (c.next()) {
                        ColumnBatch b = c.batch();
                        rows += b.rowCount();
                        for (int i = 0; i < b.columnCount(); i++) {
                            Column col = b.column(i);
                            if (col instanceof StringColumn || col.width() != 1) {
                                continue;
                            }
                            double s = 0;
                            for (int r = 0; r < b.rowCount(); r++) {
                                s += col.getDouble(r);
                            }
                            sums.merge(col.spec().name(), s, Double::sum);
                            if (col.spec().name().equals("cycle_number")) {
                                for (int r = 0; r < b.rowCount(); r++) {
                                    cycles.add(col.getLong(r));
                                }
                            }
                        }
                    }
                }
                out.put(t.prefix() == null ? "" : t.prefix(), new TestingFacts(rows, sums, cycles));
            }
        }
        return out;
    }
}
