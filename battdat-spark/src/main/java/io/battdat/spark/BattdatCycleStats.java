package io.battdat.spark;

import io.battdat.api.postprocess.CycleSummarizer;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.PostProcessOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.StreamReader;
import io.battdat.api.spi.TableInfo;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.PostProcessor;
import io.battdat.streaming.postprocess.CycleTable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cycle statistics of a whole lake as one DataFrame: {@code BattdatCycleStats.summarize(spark, "lake/**}{@code
 * /*.h5")} gives one row per cycle of every cell's {@code raw_data}, computed by the engine's summarizers (the same
 * code and numbers as {@code battdat summarize}), with the columns {@code file}, {@code cell} (the prefix, empty for
 * root-level tables), {@code cycle_number} and every summary column any table produced (null where a table has
 * none, such as the temperature columns of a table without {@code temperature}).
 *
 * <p>Each task summarizes whole tables, streaming one table at a time in storage order, so memory per task is that
 * of {@code battdat summarize}; tables are spread over the session's default parallelism. The files are read by
 * path on the executors, as the {@code battdat} data source reads them (local or mounted file systems).
 */
public final class BattdatCycleStats {
    private static final String RAW_DATA = "raw_data";

    private BattdatCycleStats() {
    }

    /**
     * The cycle statistics of every {@code raw_data} table of the files the paths name (files, directories or
     * globs, as {@code spark.read.format("battdat").load(...)} takes them).
     *
     * @param spark the session
     * @param paths files, directories or globs
     * @return one row per cycle, ordered by file, cell and cycle within each task's output
     * @throws io.battdat.api.BattdatException when a path names nothing, or a table cannot be summarized
     */
    public static Dataset<Row> summarize(SparkSession spark, String... paths) {
        BattdatEngine engine = SparkEngines.driver();
        java.util.HashMap<String, String> hadoopConf = SparkEngines.driverHadoopConf();
        Set<String> extensions = new TreeSet<>();
        for (StreamReader r : engine.registry().readers()) {
            extensions.addAll(r.extensions());
        }
        List<String[]> tables = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        PostProcessor post = new PostProcessor(engine);
        List<CycleSummarizer> summarizers = post.summarizers();
        for (String file : LakeFiles.list(List.of(paths), extensions, engine.registry())) {
            try (StoredDataset ds = engine.open(file)) {
                for (TableInfo t : ds.tables()) {
                    if (!t.name().equals(RAW_DATA)) {
                        continue;
                    }
                    tables.add(new String[]{file.toString(), t.key(), t.prefix() == null ? "" : t.prefix()});
                    var context = PostProcessor.context(LakeFiles.errorPath(file), t, PostProcessOptions.DEFAULT);
                    for (CycleSummarizer s : summarizers) {
                        for (DerivedColumn c : s.columns(context)) {
                            columns.add(c.name());
                        }
                    }
                }
            }
        }
        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField("file", DataTypes.StringType, false),
                DataTypes.createStructField("cell", DataTypes.StringType, false),
                DataTypes.createStructField("cycle_number", DataTypes.LongType, false)));
        for (String c : columns) {
            fields.add(DataTypes.createStructField(c, DataTypes.DoubleType, true));
        }
        StructType schema = DataTypes.createStructType(fields);
        List<String> names = List.copyOf(columns);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(tables.size(), context.defaultParallelism()));
        JavaRDD<Row> rows = context.parallelize(tables, slices)
                .mapPartitions(part -> summarizeTables(part, names, hadoopConf));
        return spark.createDataFrame(rows, schema);
    }

    /** Runs on an executor: every table of the partition, one after the other. */
    private static Iterator<Row> summarizeTables(Iterator<String[]> tables, List<String> columns,
                                                 java.util.Map<String, String> hadoopConf) {
        PostProcessor post = new PostProcessor(SparkEngines.engine(hadoopConf));
        List<Row> out = new ArrayList<>();
        while (tables.hasNext()) {
            String[] t = tables.next();
            CycleTable stats = post.summarize(t[0], t[1], PostProcessOptions.DEFAULT);
            Set<String> present = new LinkedHashSet<>(stats.columnNames());
            for (int r = 0; r < stats.rowCount(); r++) {
                Object[] values = new Object[3 + columns.size()];
                values[0] = t[0];
                values[1] = t[2];
                values[2] = stats.cycleNumber(r);
                for (int c = 0; c < columns.size(); c++) {
                    String name = columns.get(c);
                    values[3 + c] = present.contains(name) ? (Object) stats.get(name, r) : null;
                }
                out.add(RowFactory.create(values));
            }
        }
        return out.iterator();
    }
}
