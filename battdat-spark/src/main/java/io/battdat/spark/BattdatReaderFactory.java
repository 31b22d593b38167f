package io.battdat.spark;

import io.battdat.streaming.Battdat;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

import java.io.IOException;
import java.util.Iterator;

/**
 * Shipped to the executors; opens each partition through the executor's engine ({@link Battdat#engine()}, whose
 * backends are found on the executor's class path). Columnar reads always.
 */
final class BattdatReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    private final StructType schema;
    private final Filter[] filters;
    private final BattdatOptions options;
    /** The driver's Hadoop configuration, so executors resolve URIs with the job's settings and credentials. */
    private final java.util.HashMap<String, String> hadoopConf;

    BattdatReaderFactory(StructType schema, Filter[] filters, BattdatOptions options) {
        this.hadoopConf = SparkEngines.driverHadoopConf();
        this.schema = schema;
        this.filters = filters.clone();
        this.options = options;
    }

    @Override
    public boolean supportColumnarReads(InputPartition partition) {
        return true;
    }

    @Override
    public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
        return new BattdatPartitionReader(SparkEngines.engine(hadoopConf), (BattdatInputPartition) partition, schema, filters,
                options);
    }

    /** Rows over the columnar reader, for callers that ask for rows (Spark does not when columnar reads exist). */
    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        PartitionReader<ColumnarBatch> batches = createColumnarReader(partition);
        return new PartitionReader<>() {
            private Iterator<InternalRow> rows;

            @Override
            public boolean next() throws IOException {
                while (rows == null || !rows.hasNext()) {
                    if (!batches.next()) {
                        return false;
                    }
                    rows = batches.get().rowIterator();
                }
                return true;
            }

            @Override
            public InternalRow get() {
                return rows.next();
            }

            @Override
            public void close() throws IOException {
                batches.close();
            }
        };
    }
}
