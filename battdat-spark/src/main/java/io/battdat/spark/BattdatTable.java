package io.battdat.spark;

import io.battdat.streaming.Battdat;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import java.util.EnumSet;
import java.util.Set;

/**
 * The files of one {@code load(...)} as a readable table. The listing is the one schema inference made, or is
 * made on first scan when the user gave the schema. Writes go through {@link BattdatDataSource#createRelation}.
 */
final class BattdatTable implements SupportsRead {
    private final StructType schema;
    private final BattdatOptions options;
    private final Transform[] partitioning;
    private LakeCatalog catalog;

    BattdatTable(StructType schema, BattdatOptions options, Transform[] partitioning, LakeCatalog catalog) {
        this.schema = schema;
        this.options = options;
        this.partitioning = partitioning.clone();
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "battdat " + options.paths();
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public Transform[] partitioning() {
        return partitioning.clone();
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap scanOptions) {
        synchronized (this) {
            if (catalog == null) {
                catalog = LakeCatalog.scan(SparkEngines.driver(), options, false);
            }
        }
        return new BattdatScanBuilder(catalog.tables(), schema, options);
    }
}
