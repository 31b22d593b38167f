package io.battdat.spark;

import io.battdat.api.WriteException;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.WriteMode;
import io.battdat.streaming.Battdat;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * One write task: its rows arrive clustered by cell (and in the DataFrame's order within a cell), so it writes
 * one cell's file after another.
 */
final class CellWriterTask implements ForeachPartitionFunction<Row> {
    private static final long serialVersionUID = 1L;

    private final WriteConfig config;
    private final WriteMode mode;
    // TableLayout is not serializable: the task carries its parts and rebuilds it on the executor
    private final String[] names;
    private final StorageType[] types;
    private final int[] itemSizes;
    private final int[] ordinals;
    private final int cellOrdinal;
    private final int metadataOrdinal;

    /**
     * @param layout          the columns of new tables
     * @param ordinals        for each column of {@code layout}, its Spark row ordinal
     * @param cellOrdinal     the ordinal of the cell column
     * @param metadataOrdinal the ordinal of the metadata column, or -1
     */
    CellWriterTask(WriteConfig config, WriteMode mode, TableLayout layout, int[] ordinals, int cellOrdinal,
                   int metadataOrdinal) {
        this.config = config;
        this.mode = mode;
        this.names = layout.names().toArray(new String[0]);
        this.types = new StorageType[names.length];
        this.itemSizes = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            types[i] = layout.column(i).type();
            itemSizes[i] = layout.column(i).itemSize();
        }
        this.ordinals = ordinals.clone();
        this.cellOrdinal = cellOrdinal;
        this.metadataOrdinal = metadataOrdinal;
    }

    private TableLayout layout() {
        List<ColumnSpec> specs = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            specs.add(new ColumnSpec(names[i], types[i], itemSizes[i], new int[0], false));
        }
        return TableLayout.of(specs);
    }

    @Override
    public void call(Iterator<Row> rows) {
        TableLayout layout = layout();
        CellFile current = null;
        String currentCell = null;
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                String cell = cellName(row);
                if (current == null || !Objects.equals(cell, currentCell)) {
                    if (current != null) {
                        CellFile done = current;
                        current = null;
                        done.close();
                    }
                    current = open(cell, row, layout);
                    currentCell = cell;
                }
                current.add(row);
            }
            if (current != null) {
                CellFile done = current;
                current = null;
                done.close();
            }
        } catch (RuntimeException e) {
            if (current != null) {
                current.abort(e);
            }
            throw e;
        }
    }

    private String cellName(Row row) {
        Path dir = Path.of(config.directory());
        if (row.isNullAt(cellOrdinal)) {
            throw new WriteException(dir, null, "column " + config.cellColumn() + " is null in some rows; set it"
                    + " (for example from the file column) before writing one file per cell");
        }
        String cell = row.get(cellOrdinal).toString();
        if (cell.isEmpty() || cell.equals(".") || cell.equals("..") || cell.contains("/") || cell.contains("\\")
                || cell.indexOf('\0') >= 0) {
            throw new WriteException(dir, null, "cell '" + cell + "' cannot name a file or an HDF5 group");
        }
        return cell;
    }

    private CellFile open(String cell, Row first, TableLayout layout) {
        BatteryMetadata metadata;
        if (metadataOrdinal >= 0 && !first.isNullAt(metadataOrdinal)) {
            metadata = BatteryMetadata.fromJson(first.get(metadataOrdinal).toString());
        } else if (config.metadataJson() != null) {
            metadata = BatteryMetadata.fromJson(config.metadataJson());
        } else {
            metadata = BatteryMetadata.defaults().withName(cell);
        }
        Path file = Path.of(config.directory(), cell + ".h5");
        return new CellFile(Battdat.engine(), file, cell, config, mode, layout, names, ordinals, metadata);
    }
}
