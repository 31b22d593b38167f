package io.battdat.parquet;

import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.data.BatchBuffer;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.TableLayout;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.TableCursor;
import io.battdat.api.spi.TableInfo;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams a Parquet table one row group at a time: the row group's column chunks are read (and their pages
 * decompressed lazily by parquet-java's page readers), then batches of up to {@link ReadOptions#batchRows()} rows
 * are filled column by column straight into one reused {@link ColumnBatch}. A batch never spans two row groups.
 * Row groups wholly outside the requested row range are never read; a range starting inside a row group passes
 * over the leading values without copying them. Memory: one row group's compressed chunks plus one batch.
 */
final class ParquetTableCursor implements TableCursor {
    private static final Logger LOG = LoggerFactory.getLogger(ParquetTableCursor.class);

    private final Path dataset;
    private final TableInfo info;
    private final ParquetDataset.Table table;
    private final ParquetFileReader reader;
    private final List<BlockMetaData> groups;
    private final long[] groupStart;
    private final ColumnDescriptor[] descriptors;
    private final ColumnDecoder[] fillers;
    private final int batchRows;
    private final long rangeEnd;
    /** The streamed columns (a projection of the table's). */
    private final TableLayout layout;

    private BatchBuffer batch;
    private boolean current;
    /** Next table row to deliver. */
    private long nextRow;
    /** Row group being read (-1 before the first) and its end row. */
    private int group = -1;
    private long groupEnd;
    private PageReadStore pages;
    private boolean closed;

    ParquetTableCursor(Path dataset, ParquetDataset.Table table, ReadOptions options) {
        this.dataset = dataset;
        this.table = table;
        this.info = table.info();
        this.reader = ParquetFiles.open(dataset, info.path(), table.file());
        this.groups = reader.getRowGroups();
        this.groupStart = new long[groups.size() + 1];
        for (int g = 0; g < groups.size(); g++) {
            groupStart[g + 1] = groupStart[g] + groups.get(g).getRowCount();
        }
        TableLayout stored = info.layout();
        this.layout = options.project(stored);
        List<ColumnDescriptor> columns = table.schema().getColumns();
        this.descriptors = new ColumnDescriptor[layout.size()];
        this.fillers = new ColumnDecoder[descriptors.length];
        List<org.apache.parquet.schema.Type> requested = new java.util.ArrayList<>();
        for (int c = 0; c < fillers.length; c++) {
            int at = stored.indexOf(layout.column(c).name());
            descriptors[c] = columns.get(at);
            fillers[c] = new ColumnDecoder(dataset, info.path(), layout.column(c), descriptors[c]);
            requested.add(table.schema().getType(at));
        }
        if (layout.size() < stored.size()) {
            // only the selected columns' chunks are read from the file
            reader.setRequestedSchema(new org.apache.parquet.schema.MessageType(table.schema().getName(), requested));
        }
        this.rangeEnd = Math.min(groupStart[groups.size()], options.endRow());
        this.nextRow = Math.min(rangeEnd, options.firstRow());
        this.batchRows = options.batchRows();
        LOG.debug("streaming {} of {}: rows [{}, {}) of {} in {} row groups", info.path(), dataset, nextRow, rangeEnd,
                info.rows(), groups.size());
    }

    @Override
    public TableInfo table() {
        return info;
    }

    @Override
    public boolean next() {
        if (closed) {
            throw new io.battdat.api.InvalidUseException("cursor over " + info.path() + " of " + dataset
                    + " is closed");
        }
        current = false;
        if (nextRow >= rangeEnd) {
            return false;
        }
        try {
            if (group < 0 || nextRow >= groupEnd) {
                enterGroupOf(nextRow);
            }
            int n = (int) Math.min(batchRows, Math.min(groupEnd, rangeEnd) - nextRow);
            if (batch == null) {
                batch = BatchBuffer.allocate(layout, (int) Math.min(batchRows, Math.max(1, rangeEnd - nextRow)));
            }
            batch.ensureCapacity(n);
            for (int c = 0; c < fillers.length; c++) {
                fillers[c].fill(batch.column(c), n);
            }
            batch.setRowCount(n);
            batch.setFirstRow(nextRow);
            nextRow += n;
            current = true;
            return true;
        } catch (BattdatException e) {
            throw e;
        } catch (RuntimeException e) {
            // parquet-java reports damaged pages in many ways (decoding errors, bad sizes, even a null page header
            // where a dictionary page should be); all of them mean the stored bytes are not what the footer says
            throw new BadFormatException(ErrorLocation.of(dataset, info.path(), nextRow),
                    "cannot decode row group " + group + " of "
                    + table.file().fileName() + ": " + ParquetFiles.describe(e), e);
        }
    }

    /** Reads the row group holding {@code row} and passes over its rows before {@code row}. */
    private void enterGroupOf(long row) {
        int g = Math.max(group, 0);
        while (groupStart[g + 1] <= row) {
            g++;
        }
        try {
            pages = reader.readRowGroup(g);
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(dataset, info.path()), "cannot read row group " + g + " of "
                    + table.file().fileName() + ": " + e.getMessage(), e);
        } catch (NoClassDefFoundError e) {
            // parquet-java names the file with Hadoop's Path (absent at run time) only when a column chunk's
            // pages do not add up to its declared value count: a damaged chunk
            throw new BadFormatException(ErrorLocation.of(dataset, info.path(), row), "row group " + g + " of "
                    + table.file().fileName() + " has a damaged column chunk (its pages do not hold the values "
                    + "its metadata declares)", null);
        }
        if (pages == null) {
            throw new BadFormatException(ErrorLocation.of(dataset, info.path(), row), "row group " + g + " of "
                    + table.file().fileName() + " is missing", null);
        }
        for (int c = 0; c < fillers.length; c++) {
            fillers[c].reset(pages.getPageReader(descriptors[c]), groupStart[g]);
            fillers[c].skip(row - groupStart[g]);
        }
        group = g;
        groupEnd = groupStart[g + 1];
    }

    @Override
    public ColumnBatch batch() {
        if (!current) {
            throw new NoSuchElementException("no current batch: call next() first");
        }
        return batch;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        current = false;
        pages = null;
        batch = null;
        try {
            reader.close();
        } catch (IOException e) {
            LOG.debug("{}: closing {} failed: {}", dataset, table.file(), e.toString());
        }
    }
}
