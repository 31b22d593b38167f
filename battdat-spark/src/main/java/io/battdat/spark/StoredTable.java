package io.battdat.spark;

import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.TableLayout;

import java.nio.file.Path;
import java.util.List;

/**
 * One table of one cell of one file, as listed on the driver.
 *
 * @param file      the file
 * @param cell      the prefix group, or null for a table at the root
 * @param key       the engine's key ({@code raw_data} or {@code cell_a/raw_data})
 * @param layout    the stored columns
 * @param rows      rows in the table
 * @param chunkRows rows per chunk, 0 when not chunked
 * @param monotonic the scalar numeric columns that the table's column schema declares monotonic (values never
 *                  decrease from one row to the next), in table order; empty without a valid schema
 */
record StoredTable(String file, String cell, String key, TableLayout layout, long rows, long chunkRows,
                   List<String> monotonic) {

    StoredTable {
        monotonic = List.copyOf(monotonic);
    }

    /** Bytes per row as stored (uncompressed), for sizing partitions. */
    long rowBytes() {
        long bytes = 0;
        for (ColumnSpec c : layout.columns()) {
            bytes += (long) Math.max(1, c.itemSize()) * c.elementsPerRow();
        }
        return Math.max(1, bytes);
    }

    /** The value of the {@code file} column. */
    String fileName() {
        return file;
    }
}
