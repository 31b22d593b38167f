package io.battdat.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.spi.MonotonicPolicy;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The write options of the {@code battdat} data source. Serializable: every write task gets it.
 *
 * <table>
 *   <caption>Write options (names are case-insensitive)</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code path}</td><td></td><td>the output directory; one file {@code <cell>.h5} per cell</td></tr>
 *   <tr><td>{@code partitionBy(col)}</td><td></td><td>the cell column (exactly one; its values name the files)</td></tr>
 *   <tr><td>{@code metadata}</td><td>defaults, named after the cell</td><td>battery metadata JSON for every file</td></tr>
 *   <tr><td>{@code metadataColumn}</td><td></td><td>a string column holding each cell's metadata JSON (its
 *       first row's value is used; the column is not written as data)</td></tr>
 *   <tr><td>{@code cellGroups}</td><td>{@code true}</td><td>write {@code /<cell>/raw_data}, so that reading back
 *       gives the same {@code cell}; {@code false} writes {@code /raw_data} at the root</td></tr>
 *   <tr><td>{@code complevel}, {@code complib}</td><td>0, {@code zlib}</td><td>compression, as PyTables'</td></tr>
 *   <tr><td>{@code fileColumn}</td><td>{@code file}</td><td>a column of this name added by the reader is not
 *       written</td></tr>
 *   <tr><td>{@code renumberCycles}</td><td>{@code false}</td><td>in {@code Append} mode, cycle numbers that would
 *       go below the file's last one are shifted to continue its numbering</td></tr>
 *   <tr><td>{@code allowNonMonotonic}</td><td>{@code false}</td><td>in {@code Append} mode, rows that break a
 *       column the schema declares monotonic are stored and the declaration is cleared; without it (and without
 *       {@code renumberCycles} for {@code cycle_number}) such an append fails and commits nothing of the task</td></tr>
 * </table>
 *
 * @param directory       the output directory
 * @param cellColumn      the partition column
 * @param metadataJson    metadata JSON for every file, or null
 * @param metadataColumn  the column holding per-cell metadata JSON, or null
 * @param cellGroups      whether tables go in a prefix group named after the cell
 * @param complevel       compression level 0-9
 * @param complib         compression library
 * @param fileColumn      the reader's file column, left out of the files
 * @param batchRows       rows per written batch
 * @param monotonicPolicy what appends do with rows that break a monotonic column
 */
record WriteConfig(String directory, String cellColumn, String metadataJson, String metadataColumn,
                   boolean cellGroups, int complevel, String complib, String fileColumn, int batchRows,
                   MonotonicPolicy monotonicPolicy)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The key under which Spark passes {@code partitionBy} columns to a V1 writer (JSON array). */
    static final String PARTITION_COLUMNS = "__partition_columns";

    static WriteConfig parse(Map<String, String> given) {
        Map<String, String> o = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        o.putAll(given);
        List<String> paths = BattdatOptions.paths(o);
        if (paths.size() != 1) {
            throw new io.battdat.api.InvalidUseException("write needs one output directory: save(dir); got " + paths);
        }
        List<String> partitions = partitionColumns(o.get(PARTITION_COLUMNS));
        if (partitions.size() != 1) {
            throw new io.battdat.api.InvalidUseException("battdat writes one file per cell: use partitionBy(\"cell\") with"
                    + " exactly one column" + (partitions.isEmpty() ? "" : ", not " + partitions));
        }
        String metadata = o.get("metadata");
        if (metadata != null) {
            BatteryMetadata.fromJson(metadata); // a bad document fails here, on the driver, before any task
        }
        int complevel = Integer.parseInt(o.getOrDefault("complevel", "0").trim());
        if (complevel < 0 || complevel > 9) {
            throw new io.battdat.api.InvalidUseException("option complevel must be 0-9, not " + complevel);
        }
        String directory = LakeFiles.isRemote(paths.get(0)) ? paths.get(0) : LakeFiles.localPath(paths.get(0));
        return new WriteConfig(directory, partitions.get(0), metadata,
                o.get("metadataColumn"), !"false".equals(o.getOrDefault("cellGroups", "true").toLowerCase(Locale.ROOT)),
                complevel, o.getOrDefault("complib", "zlib"), o.getOrDefault("fileColumn", "file"), 65_536,
                MonotonicPolicy.of(flag(o, "renumberCycles"), flag(o, "allowNonMonotonic")));
    }

    private static boolean flag(Map<String, String> options, String name) {
        String value = options.getOrDefault(name, "false").trim().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new io.battdat.api.InvalidUseException("option " + name + " must be true or false, not " + value);
        }
        return value.equals("true");
    }

    private static List<String> partitionColumns(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.of(new ObjectMapper().readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new io.battdat.api.InvalidUseException("cannot read the partition columns " + json + ": "
                    + e.getMessage());
        }
    }
}
