package io.battdat.spark;

import io.battdat.api.ErrorLocation;
import io.battdat.api.WriteException;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.WriteMode;
import io.battdat.streaming.Battdat;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One write task over Spark's {@link InternalRow}s (the rows of the executed plan, never converted to external
 * {@code Row}s): its rows arrive clustered by cell (and in the DataFrame's order within a cell), so it writes one
 * cell's file after another. A string cell column is compared as Spark's UTF-8 bytes, so no string is made per
 * row; the cell's name is decoded once per file.
 */
final class CellWriterTask implements VoidFunction<Iterator<InternalRow>> {
    private static final long serialVersionUID = 1L;

    private final WriteConfig config;
    /** The driver's Hadoop configuration, for an output directory given as a URI. */
    private final java.util.HashMap<String, String> hadoopConf;
    private final WriteMode mode;
    // TableLayout is not serializable: the task carries its parts and rebuilds it on the executor
    private final String[] names;
    private final StorageType[] types;
    private final int[] itemSizes;
    private final int[] ordinals;
    private final int cellOrdinal;
    private final int metadataOrdinal;
    /** The Spark type and nullability of every row ordinal (Spark's types are serializable). */
    private final DataType[] sparkTypes;
    private final boolean[] nullable;

    /**
     * @param layout          the columns of new tables
     * @param ordinals        for each column of {@code layout}, its Spark row ordinal
     * @param cellOrdinal     the ordinal of the cell column
     * @param metadataOrdinal the ordinal of the metadata column, or -1
     * @param sparkTypes      the Spark type of every row ordinal
     * @param nullable        whether every row ordinal may hold nulls
     */
    CellWriterTask(WriteConfig config, WriteMode mode, TableLayout layout, int[] ordinals, int cellOrdinal,
                   int metadataOrdinal, DataType[] sparkTypes, boolean[] nullable) {
        this.config = config;
        this.mode = mode;
        this.hadoopConf = SparkEngines.driverHadoopConf();
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
        this.sparkTypes = sparkTypes.clone();
        this.nullable = nullable.clone();
    }

    private TableLayout layout() {
        List<ColumnSpec> specs = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            specs.add(ColumnSpec.builder(names[i], types[i]).itemSize(itemSizes[i]).build());
        }
        return TableLayout.of(specs);
    }

    @Override
    public void call(Iterator<InternalRow> rows) {
        TableLayout layout = layout();
        DataType cellType = sparkTypes[cellOrdinal];
        boolean stringCell = cellType.equals(DataTypes.StringType);
        CellFile current = null;
        UTF8String currentBytes = null; // string cells: the current cell's bytes, copied out of the reused row
        Object currentValue = null;     // other cell types: the current cell's value
        try {
            while (rows.hasNext()) {
                InternalRow row = rows.next();
                if (row.isNullAt(cellOrdinal)) {
                    throw LakeFiles.at(new WriteException(ErrorLocation.of(LakeFiles.errorPath(config.directory())),
                            "column "
                            + config.cellColumn() + " is null in some rows; set it (for example from the file column)"
                            + " before writing one file per cell", null), config.directory());
                }
                boolean same;
                if (stringCell) {
                    same = current != null && row.getUTF8String(cellOrdinal).equals(currentBytes);
                } else {
                    same = current != null && row.get(cellOrdinal, cellType).equals(currentValue);
                }
                if (!same) {
                    if (current != null) {
                        CellFile done = current;
                        current = null;
                        done.close();
                    }
                    String cell;
                    if (stringCell) {
                        currentBytes = row.getUTF8String(cellOrdinal).clone();
                        cell = currentBytes.toString();
                    } else {
                        currentValue = row.get(cellOrdinal, cellType);
                        cell = currentValue.toString();
                    }
                    current = open(checkedCellName(cell), row, layout);
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

    private String checkedCellName(String cell) {
        if (cell.isEmpty() || cell.equals(".") || cell.equals("..") || cell.contains("/") || cell.contains("\\")
                || cell.indexOf('\0') >= 0) {
            throw new WriteException(ErrorLocation.of(Path.of(config.directory())), "cell '" + cell
                    + "' cannot name a file or an HDF5 group", null);
        }
        return cell;
    }

    private CellFile open(String cell, InternalRow first, TableLayout layout) {
        BatteryMetadata metadata;
        if (metadataOrdinal >= 0 && !first.isNullAt(metadataOrdinal)) {
            metadata = BatteryMetadata.fromJson(first.get(metadataOrdinal, sparkTypes[metadataOrdinal]).toString());
        } else if (config.metadataJson() != null) {
            metadata = BatteryMetadata.fromJson(config.metadataJson());
        } else {
            metadata = BatteryMetadata.defaults().withName(cell);
        }
        if (LakeFiles.isRemote(config.directory())) {
            return openRemote(cell, layout, metadata);
        }
        Path file = Path.of(config.directory(), cell + ".h5");
        return new CellFile(Battdat.engine(), file, cell, config, mode, layout, names, ordinals, sparkTypes, nullable,
                metadata, null);
    }

    /**
     * A cell file of a remote directory, written to a local staging file (a copy of the existing file when
     * appending) and uploaded when the task's file completes; a failed task uploads nothing.
     */
    private CellFile openRemote(String cell, TableLayout layout, BatteryMetadata metadata) {
        io.battdat.streaming.BattdatEngine engine = SparkEngines.engine(hadoopConf);
        String dir = config.directory();
        String uri = (dir.endsWith("/") ? dir : dir + "/") + cell + ".h5";
        io.battdat.api.spi.StorageProvider storage = engine.registry().storageFor(uri);
        io.battdat.api.spi.StorageProvider.StagedOutput staged = storage.create(uri);
        try {
            if (mode == WriteMode.APPEND && storage.exists(uri)) {
                storage.copyTo(uri, staged.localFile());
            }
            return new CellFile(engine, staged.localFile(), cell, config, mode, layout, names, ordinals, sparkTypes,
                    nullable, metadata, staged);
        } catch (RuntimeException e) {
            staged.abort();
            throw e;
        }
    }
}
