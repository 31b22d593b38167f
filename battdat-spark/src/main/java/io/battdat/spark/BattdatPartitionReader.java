package io.battdat.spark;

import io.battdat.api.ErrorLocation;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.TableLayout;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableCursor;
import io.battdat.streaming.BattdatEngine;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.execution.vectorized.ConstantColumnVector;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads one partition as Spark {@link ColumnarBatch}es whose vectors read the engine's batches in place. One
 * {@link ColumnarBatch} is refilled on every {@link #next()}, valid until the next call, as Spark's own columnar
 * readers do. A batch in which a pushed filter can match no row is skipped before Spark sees it. When no stored
 * column is needed (a {@code count(*)}, or only {@code file}/{@code cell}) the rows are not decoded at all: the
 * table's row count is known. When the driver skipped rows of the table trusting a column to be monotonic, the
 * reader checks that the column never decreases in the partition ({@link MonotonicCheck}).
 */
final class BattdatPartitionReader implements PartitionReader<ColumnarBatch> {
    private final BattdatInputPartition partition;
    private final BattdatOptions options;
    private final Filter[] filters;
    private final StructType schema;
    private final ColumnVector[] vectors;
    private final int[] storedIndex;
    /** Per vector: whether it holds one value in every row (file, cell, or null for a column the file lacks). */
    private final boolean[] constant;
    /** Per constant vector: its value, null for a column of nulls. */
    private final String[] constantValues;
    /** The row count the constant vectors were made for; they are remade when a batch has another. */
    private int constantRows;
    private final ColumnarBatch batch;
    private final BatchFacts facts;
    private final MonotonicCheck monotonic;
    private StoredDataset dataset;
    private TableCursor cursor;
    private long rowsLeft;
    /** The table row of the next batch's first row. */
    private long nextRow;

    BattdatPartitionReader(BattdatEngine engine, BattdatInputPartition partition, StructType schema,
                           Filter[] filters, BattdatOptions options) {
        this.partition = partition;
        this.options = options;
        this.filters = filters;
        this.schema = schema;
        this.vectors = new ColumnVector[schema.fields().length];
        this.storedIndex = new int[vectors.length];
        this.constant = new boolean[vectors.length];
        this.constantValues = new String[vectors.length];
        this.facts = new BatchFacts(options.fileColumn(), options.cellColumn(), partition.file(), partition.cell());
        this.monotonic = new MonotonicCheck(LakeFiles.errorPath(partition.file()), partition.key(), partition.narrowedBy());
        this.nextRow = partition.firstRow();
        boolean needsRows = false;
        for (int i = 0; i < vectors.length; i++) {
            StructField f = schema.fields()[i];
            storedIndex[i] = -1;
            if (f.name().equals(options.fileColumn())) {
                setConstant(i, partition.file());
            } else if (f.name().equals(options.cellColumn())) {
                setConstant(i, partition.cell());
            } else {
                needsRows = true;
            }
        }
        if (needsRows) {
            Path file = LakeFiles.errorPath(partition.file());
            dataset = engine.open(partition.file());
            try {
                TableLayout stored = dataset.table(partition.key()).layout();
                bindStoredColumns(schema, stored, file);
                List<String> read = readColumns(stored);
                for (int i = 0; i < storedIndex.length; i++) {
                    if (storedIndex[i] >= 0) {
                        storedIndex[i] = read.indexOf(stored.column(storedIndex[i]).name());
                    }
                }
                // only the columns the query uses (selected or filtered on) are decoded
                ReadOptions readOptions = engine.options().withBatchRows(options.batchRows())
                        .withThreads(options.decodeThreads())
                        .withRowRange(partition.firstRow(), partition.endRow())
                        .withColumns(read);
                cursor = dataset.openTable(partition.key(), readOptions);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        } else {
            rowsLeft = partition.rows();
        }
        this.batch = new ColumnarBatch(vectors);
    }

    /** The stored columns this partition must decode, in the table's order. */
    private List<String> readColumns(TableLayout stored) {
        java.util.Set<String> needed = new java.util.HashSet<>();
        for (int index : storedIndex) {
            if (index >= 0) {
                needed.add(stored.column(index).name());
            }
        }
        for (Filter f : filters) {
            needed.addAll(List.of(f.references()));
        }
        List<String> out = new java.util.ArrayList<>();
        for (String name : stored.names()) {
            if (needed.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    private void bindStoredColumns(StructType schema, TableLayout layout, Path file) {
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i] != null) {
                continue;
            }
            StructField f = schema.fields()[i];
            int index = layout.indexOf(f.name());
            if (index < 0) {
                setConstant(i, null);
                continue;
            }
            ColumnSpec spec = layout.column(index);
            if (!SparkTypes.canRead(spec, f.dataType())) {
                throw new SchemaViolationException(ErrorLocation.of(file, "/" + partition.key()),
                        "column " + f.name() + " is "
                        + spec.numpyDtype() + " (" + SparkTypes.of(spec).simpleString() + "), which cannot be read as "
                        + f.dataType().simpleString(), null);
            }
            vectors[i] = StoredVector.of(spec, f.dataType());
            storedIndex[i] = index;
        }
    }

    @Override
    public boolean next() {
        if (cursor == null) {
            if (rowsLeft == 0) {
                return false;
            }
            int n = (int) Math.min(rowsLeft, options.batchRows());
            rowsLeft -= n;
            setRows(n);
            return true;
        }
        while (cursor.next()) {
            ColumnBatch b = cursor.batch();
            if (!monotonic.isEmpty()) {
                monotonic.check(b, nextRow);
            }
            nextRow += b.rowCount();
            if (filters.length > 0) {
                facts.batch(b);
                if (Pruning.skip(filters, facts)) {
                    continue;
                }
            }
            for (int i = 0; i < vectors.length; i++) {
                if (storedIndex[i] >= 0) {
                    ((StoredVector) vectors[i]).point(b.column(storedIndex[i]));
                }
            }
            setRows(b.rowCount());
            return true;
        }
        return false;
    }

    /** Makes vector {@code i} hold {@code value} in every row; null makes a column of nulls of any type. */
    private void setConstant(int i, String value) {
        constant[i] = true;
        constantValues[i] = value;
        vectors[i] = constantVector(i, constantRows);
    }

    private ColumnVector constantVector(int i, int rows) {
        // Spark's own vector of partition values; its row count is fixed, which numNulls() reports
        ConstantColumnVector v = new ConstantColumnVector(rows, schema.fields()[i].dataType());
        if (constantValues[i] == null) {
            v.setNull();
        } else {
            v.setUtf8String(UTF8String.fromString(constantValues[i]));
        }
        return v;
    }

    private void setRows(int n) {
        if (n != constantRows) {
            constantRows = n;
            for (int i = 0; i < vectors.length; i++) {
                if (constant[i]) {
                    vectors[i] = constantVector(i, n);
                }
            }
        }
        batch.setNumRows(n);
    }

    @Override
    public ColumnarBatch get() {
        return batch;
    }

    @Override
    public void close() {
        try {
            if (cursor != null) {
                cursor.close();
            }
        } finally {
            if (dataset != null) {
                dataset.close();
            }
        }
    }
}
