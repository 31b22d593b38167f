package io.battdat.spark;

import io.battdat.api.ErrorLocation;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.KeyNotFoundException;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.StreamReader;
import io.battdat.api.spi.TableInfo;
import io.battdat.streaming.BattdatEngine;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The tables a read covers, listed on the driver through the engine (metadata only, no rows), and the DataFrame
 * schema they merge into: each stored column by name in first-seen order (files sorted by path), then the
 * {@code file} and {@code cell} columns.
 *
 * @param tables every matching table of every cell of every file, in file order then walk order
 * @param schema the merged schema
 */
record LakeCatalog(List<StoredTable> tables, StructType schema) {
    private static final Logger LOG = LoggerFactory.getLogger(LakeCatalog.class);

    /**
     * Lists the files and their tables named {@link BattdatOptions#table()}; files without such a table are
     * skipped (logged), but at least one must have it.
     *
     * @param engine      the engine whose backends open the files
     * @param options     the read options
     * @param inferSchema whether to merge the tables' columns into a schema (false when the user gave one: the
     *                    {@link #schema()} is then null)
     * @return the tables, and the merged schema
     * @throws KeyNotFoundException     when no file has the table
     * @throws SchemaViolationException when column sets differ and {@code mergeSchema} is false, when two files
     *                                  hold a column with types that do not widen into one (both files named),
     *                                  or when a stored column is named like the file or cell column
     */
    static LakeCatalog scan(BattdatEngine engine, BattdatOptions options, boolean inferSchema) {
        TreeSet<String> extensions = new TreeSet<>();
        for (StreamReader r : engine.registry().readers()) {
            extensions.addAll(r.extensions());
        }
        List<String> files = LakeFiles.list(options.paths(), extensions, engine.registry());
        List<StoredTable> tables = new ArrayList<>();
        for (String file : files) {
            int before = tables.size();
            try (StoredDataset ds = engine.open(file)) {
                for (TableInfo t : ds.tables()) {
                    if (t.name().equals(options.table())) {
                        tables.add(new StoredTable(file, t.prefix(), t.key(), t.layout(), t.rows(), t.chunkRows(),
                                monotonicColumns(t)));
                    }
                }
            }
            if (tables.size() == before) {
                LOG.warn("{}: no table named {}; file skipped", file, options.table());
            }
        }
        if (tables.isEmpty()) {
            ErrorLocation firstFile = ErrorLocation.of(LakeFiles.errorPath(files.get(0)), options.table());
            throw LakeFiles.at(new KeyNotFoundException(firstFile, "none of the " + files.size()
                    + " files has a table named " + options.table(), null), files.get(0));
        }
        return new LakeCatalog(tables, inferSchema ? mergedSchema(tables, options) : null);
    }

    /**
     * The scalar integer or float columns the table's schema declares monotonic. A table without a valid column
     * schema (a foreign file) declares nothing: its rows are never pruned by value.
     */
    static List<String> monotonicColumns(TableInfo table) {
        ColumnSchema schema;
        try {
            schema = table.schema();
        } catch (SchemaViolationException e) {
            schema = null;
        }
        if (schema == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (ColumnSpec c : table.layout().columns()) {
            boolean numeric = c.type().isInteger() || c.type().isFloat();
            if (numeric && !c.isArray() && schema.contains(c.name()) && schema.get(c.name()).monotonic()) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** The table as error messages name it: its file and its key. */
    private static ErrorLocation locationOf(StoredTable t) {
        return ErrorLocation.of(LakeFiles.errorPath(t.file()), "/" + t.key());
    }

    private static StructType mergedSchema(List<StoredTable> tables, BattdatOptions options) {
        Map<String, DataType> types = new LinkedHashMap<>();
        Map<String, StoredTable> firstSeen = new LinkedHashMap<>();
        Map<String, Integer> presentIn = new LinkedHashMap<>();
        StoredTable reference = tables.get(0);
        for (StoredTable t : tables) {
            if (!options.mergeSchema() && !sameColumns(reference, t)) {
                throw new SchemaViolationException(locationOf(t), "columns " + describe(t)
                        + " differ from " + describe(reference) + " in " + reference.file() + " /" + reference.key()
                        + "; read with option mergeSchema=true to merge them by name", null);
            }
            for (ColumnSpec c : t.layout().columns()) {
                String name = c.name();
                if (name.equals(options.fileColumn()) || name.equals(options.cellColumn())) {
                    throw new SchemaViolationException(locationOf(t), "a stored column is named " + name
                            + ", like an added column; rename the added one with option fileColumn or cellColumn",
                            null);
                }
                DataType own = SparkTypes.of(c);
                DataType previous = types.get(name);
                if (previous == null) {
                    types.put(name, own);
                    firstSeen.put(name, t);
                } else {
                    DataType wide = SparkTypes.widen(previous, own);
                    if (wide == null) {
                        StoredTable first = firstSeen.get(name);
                        throw new SchemaViolationException(locationOf(t), "column " + name + " is "
                                + c.numpyDtype() + " (" + own.simpleString() + ") but " + previous.simpleString()
                                + " in " + first.file() + " /" + first.key() + "; the types do not merge", null);
                    }
                    types.put(name, wide);
                }
                presentIn.merge(name, 1, Integer::sum);
            }
        }
        List<StructField> fields = new ArrayList<>();
        types.forEach((name, type) -> fields.add(DataTypes.createStructField(name, type,
                presentIn.get(name) < tables.size())));
        fields.add(DataTypes.createStructField(options.fileColumn(), DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(options.cellColumn(), DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    private static boolean sameColumns(StoredTable a, StoredTable b) {
        if (a.layout().size() != b.layout().size()) {
            return false;
        }
        for (ColumnSpec c : a.layout().columns()) {
            int i = b.layout().indexOf(c.name());
            if (i < 0 || !SparkTypes.of(c).equals(SparkTypes.of(b.layout().column(i)))) {
                return false;
            }
        }
        return true;
    }

    private static String describe(StoredTable t) {
        List<String> out = new ArrayList<>();
        for (ColumnSpec c : t.layout().columns()) {
            out.add(c.name() + ":" + SparkTypes.of(c).simpleString());
        }
        return out.toString();
    }
}
