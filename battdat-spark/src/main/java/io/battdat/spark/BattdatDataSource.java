package io.battdat.spark;

import io.battdat.streaming.Battdat;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.CreatableRelationProvider;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import scala.jdk.javaapi.CollectionConverters;

import java.util.Map;

/**
 * The Spark data source {@code battdat}: battdat files as DataFrames, through the battdat engine, so every
 * storage backend on the class path is read.
 *
 * <pre>{@code
 * spark.read().format("battdat").option("table", "raw_data").load("lake/**}{@code /*.h5")
 * df.write().format("battdat").partitionBy("cell").save("out")
 * }</pre>
 *
 * <p>Reading is DataSource V2 ({@link TableProvider}): the schema is the merge of the files' columns (see
 * {@link BattdatOptions} for the options) plus {@code file} and {@code cell}; partitions are files, or chunk-aligned
 * row ranges of large tables; batches are columnar, read in place from the engine's primitive arrays. Writing is a
 * {@link CreatableRelationProvider} (Spark sends every save mode of a V2 source without a V2 write there): one
 * HDF5 file per cell, see {@link WriteConfig}. Registered through {@code META-INF/services} as
 * {@link DataSourceRegister}.
 */
public final class BattdatDataSource implements TableProvider, DataSourceRegister, CreatableRelationProvider {
    /** The short name for {@code format(...)}. */
    public static final String SHORT_NAME = "battdat";

    // Spark asks for the schema, then for the table, on the same instance: the listing is made once
    private Map<String, String> inferredFor;
    private LakeCatalog inferred;

    /** Spark's no-argument constructor; no I/O. */
    public BattdatDataSource() {
    }

    @Override
    public String shortName() {
        return SHORT_NAME;
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        Map<String, String> given = options.asCaseSensitiveMap();
        LakeCatalog catalog = LakeCatalog.scan(SparkEngines.driver(), BattdatOptions.parse(given), true);
        synchronized (this) {
            inferredFor = Map.copyOf(given);
            inferred = catalog;
        }
        return catalog.schema();
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        LakeCatalog catalog;
        synchronized (this) {
            catalog = inferred != null && Map.copyOf(properties).equals(inferredFor) && schema.equals(inferred.schema())
                    ? inferred : null;
        }
        return new BattdatTable(schema, BattdatOptions.parse(properties), partitioning, catalog);
    }

    /** A schema given with {@code .schema(...)} is used as is: stored columns are widened to it, others null. */
    @Override
    public boolean supportsExternalMetadata() {
        return true;
    }

    @Override
    public BaseRelation createRelation(SQLContext sqlContext, SaveMode mode,
                                       scala.collection.immutable.Map<String, String> parameters, Dataset<Row> data) {
        BattdatWriteJob.run(mode, WriteConfig.parse(CollectionConverters.asJava(parameters)), data);
        StructType schema = data.schema();
        return new BaseRelation() {
            @Override
            public SQLContext sqlContext() {
                return sqlContext;
            }

            @Override
            public StructType schema() {
                return schema;
            }
        };
    }
}
