package io.battdat.spark;

import io.battdat.api.ErrorLocation;
import io.battdat.api.WriteException;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.TableLayout;
import io.battdat.api.spi.WriteMode;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code df.write.format("battdat").partitionBy("cell").save(dir)}: one battdat HDF5 file per cell, written by
 * {@link io.battdat.streaming.HDF5Writer}. The rows are shuffled so each cell lands in one task, in the
 * DataFrame's order within the cell (a row id taken before the shuffle orders them), so a cell's
 * {@code test_time} order survives. String columns are as wide as their widest value (one aggregation first).
 * The tasks consume the plan's {@code InternalRow}s directly, each column through a typed {@link ColumnCopier}.
 *
 * <p>Save modes: {@code errorifexists} (default) refuses a directory that has files; {@code ignore} then does
 * nothing; {@code overwrite} first deletes the {@code .h5} files directly in the directory (nothing else);
 * {@code append} adds rows to the cells' existing files (their tables' columns must match) and creates the others.
 */
final class BattdatWriteJob {
    private static final Logger LOG = LoggerFactory.getLogger(BattdatWriteJob.class);
    private static final String ORDER = "__battdat_row_order";

    private BattdatWriteJob() {
    }

    static void run(SaveMode saveMode, WriteConfig config, Dataset<Row> data) {
        boolean remote = LakeFiles.isRemote(config.directory());
        Path dir = remote ? LakeFiles.errorPath(config.directory()) : Path.of(config.directory()).toAbsolutePath();
        if (remote) {
            if (!prepareRemote(saveMode, config.directory())) {
                return;
            }
        } else if (!prepareLocal(saveMode, dir)) {
            return;
        }
        write(saveMode, config, data, dir);
    }

    /**
     * Applies the save mode to a remote directory: object stores have no directories to create, and the cell files
     * appear as each task uploads its file.
     *
     * @return whether to write
     */
    private static boolean prepareRemote(SaveMode saveMode, String directory) {
        io.battdat.api.spi.StorageProvider storage = SparkEngines.driver().registry().storageFor(directory);
        String base = directory.endsWith("/") ? directory : directory + "/";
        List<String> present = storage.list(base + "*").stream()
                .filter(f -> !f.substring(base.length()).startsWith(".")).toList();
        if (!present.isEmpty() && saveMode == SaveMode.ErrorIfExists) {
            throw new WriteException(ErrorLocation.NONE,
                    "already holds files; use mode(\"overwrite\") or mode(\"append\")", null)
                    .withLocation(directory);
        }
        if (!present.isEmpty() && saveMode == SaveMode.Ignore) {
            LOG.info("{} already holds files; nothing written (mode ignore)", directory);
            return false;
        }
        if (saveMode == SaveMode.Overwrite) {
            for (String f : present) {
                if (f.toLowerCase(Locale.ROOT).endsWith(".h5")) {
                    storage.delete(f);
                }
            }
        }
        return true;
    }

    private static boolean prepareLocal(SaveMode saveMode, Path dir) {
        boolean hasFiles = hasFiles(dir);
        if (hasFiles && saveMode == SaveMode.ErrorIfExists) {
            throw new WriteException(ErrorLocation.of(dir),
                    "already holds files; use mode(\"overwrite\") or mode(\"append\")", null);
        }
        if (hasFiles && saveMode == SaveMode.Ignore) {
            LOG.info("{} already holds files; nothing written (mode ignore)", dir);
            return false;
        }
        if (saveMode == SaveMode.Overwrite) {
            deleteBattdatFiles(dir);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new WriteException(ErrorLocation.of(dir), "cannot create the directory: " + e.getMessage(), e);
        }
        return true;
    }

    private static void write(SaveMode saveMode, WriteConfig config, Dataset<Row> data, Path dir) {
        StructType schema = data.schema();
        int cellOrdinal = ordinal(schema, config.cellColumn(), dir);
        int metadataOrdinal = config.metadataColumn() == null ? -1 : ordinal(schema, config.metadataColumn(), dir);

        List<StructField> dataFields = new ArrayList<>();
        List<Integer> ordinals = new ArrayList<>();
        for (int i = 0; i < schema.fields().length; i++) {
            StructField f = schema.fields()[i];
            boolean readerFileColumn = f.name().equals(config.fileColumn()) && f.dataType().equals(DataTypes.StringType);
            if (i != cellOrdinal && i != metadataOrdinal && !readerFileColumn) {
                SparkTypes.storedColumn(f.name(), f.dataType(), 1); // refuses unsupported types before any task
                dataFields.add(f);
                ordinals.add(i);
            }
        }
        if (dataFields.isEmpty()) {
            throw new WriteException(ErrorLocation.of(dir), "no column to write besides " + config.cellColumn(), null);
        }
        int[] widths = stringWidths(data, dataFields);
        List<ColumnSpec> specs = new ArrayList<>();
        for (int i = 0; i < dataFields.size(); i++) {
            specs.add(SparkTypes.storedColumn(dataFields.get(i).name(), dataFields.get(i).dataType(), widths[i]));
        }
        TableLayout layout = TableLayout.of(specs);
        WriteMode mode = saveMode == SaveMode.Append ? WriteMode.APPEND : WriteMode.OVERWRITE;
        DataType[] sparkTypes = new DataType[schema.fields().length];
        boolean[] nullable = new boolean[sparkTypes.length];
        for (int i = 0; i < sparkTypes.length; i++) {
            sparkTypes[i] = schema.fields()[i].dataType();
            nullable[i] = schema.fields()[i].nullable();
        }
        CellWriterTask task = new CellWriterTask(config, mode, layout,
                ordinals.stream().mapToInt(Integer::intValue).toArray(), cellOrdinal, metadataOrdinal, sparkTypes,
                nullable);

        Column cell = functions.col(quote(config.cellColumn()));
        Dataset<Row> clustered = data.withColumn(ORDER, functions.monotonically_increasing_id())
                .repartition(cell)
                .sortWithinPartitions(cell, functions.col(ORDER))
                .drop(ORDER);
        // the executed plan's InternalRows go to the tasks as they are: no conversion to external Rows, whose
        // values would be boxed one by one
        clustered.queryExecution().toRdd().toJavaRDD().foreachPartition(task);
    }

    private static int ordinal(StructType schema, String name, Path dir) {
        for (int i = 0; i < schema.fields().length; i++) {
            if (schema.fields()[i].name().equals(name)) {
                return i;
            }
        }
        throw new WriteException(ErrorLocation.of(dir),
                "no column " + name + " in " + List.of(schema.fieldNames()), null);
    }

    /** Bytes of the widest value of each string column (1 for other columns and all-null ones). */
    private static int[] stringWidths(Dataset<Row> data, List<StructField> fields) {
        int[] widths = new int[fields.size()];
        List<Column> aggregates = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            widths[i] = 1;
            if (fields.get(i).dataType().equals(DataTypes.StringType)) {
                aggregates.add(functions.max(functions.octet_length(functions.col(quote(fields.get(i).name())))));
                at.add(i);
            }
        }
        if (aggregates.isEmpty()) {
            return widths;
        }
        Row widest = data.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(new Column[0]))
                .first();
        for (int k = 0; k < at.size(); k++) {
            if (!widest.isNullAt(k)) {
                widths[at.get(k)] = Math.max(1, ((Number) widest.get(k)).intValue());
            }
        }
        return widths;
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    private static boolean hasFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            if (Files.exists(dir)) {
                throw new WriteException(ErrorLocation.of(dir), "exists and is not a directory", null);
            }
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> !p.getFileName().toString().startsWith("."));
        } catch (IOException e) {
            throw new WriteException(ErrorLocation.of(dir), "cannot list: " + e.getMessage(), e);
        }
    }

    private static void deleteBattdatFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                if (Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".h5")) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new WriteException(ErrorLocation.of(dir),
                    "cannot delete the files to overwrite: " + e.getMessage(), e);
        }
    }
}
