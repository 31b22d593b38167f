package io.battdat.parquet;

import io.battdat.api.spi.Spi;
import io.battdat.api.spi.DatasetSink;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.StreamWriter;
import io.battdat.api.spi.WriteOptions;

import java.nio.file.Path;

/**
 * Writes battdat datasets in the Python toolkit's Parquet layout (docs/format.md section 3; see
 * {@link ParquetDatasetWriter}).
 *
 * <p>Probe: this writer claims an existing directory, a path whose name ends in {@code .parquet} (the dataset
 * directory to create: {@code cell.parquet/raw_data.parquet}), and an existing file starting with {@code PAR1}
 * (which it refuses to replace by a directory when opened). Rows are cut into row groups of
 * {@value #DEFAULT_ROW_GROUP_ROWS} rows (system property {@value #ROW_GROUP_ROWS_PROPERTY} or
 * {@link #withRowGroupRows}), so memory stays bounded for any table size. Registered as a {@link StreamWriter}
 * service; applications do not name this class.
 */
public final class ParquetStreamWriter implements StreamWriter {
    /** Rows per row group unless configured: about 1 MiB per float64 column, so 64 MiB heaps suffice. */
    public static final int DEFAULT_ROW_GROUP_ROWS = 131_072;
    /** System property overriding {@link #DEFAULT_ROW_GROUP_ROWS}. */
    public static final String ROW_GROUP_ROWS_PROPERTY = "battdat.parquet.rowGroupRows";

    private final int rowGroupRows;

    /** Service constructor; does no I/O. */
    public ParquetStreamWriter() {
        this(0);
    }

    private ParquetStreamWriter(int rowGroupRows) {
        this.rowGroupRows = rowGroupRows;
    }

    /** A writer that closes a row group every {@code rows} rows (for applications assembling their registry). */
    public ParquetStreamWriter withRowGroupRows(int rows) {
        if (rows < 1) {
            throw new io.battdat.api.InvalidUseException("row groups need at least one row, got " + rows);
        }
        return new ParquetStreamWriter(rows);
    }

    @Override
    public String formatName() {
        return ParquetStreamReader.FORMAT;
    }

    @Override
    public ProbeResult probe(FileProbe probe) {
        if (probe.hasBytesAt(0, ParquetStreamReader.MAGIC)) {
            return ProbeResult.SIGNATURE;
        }
        return probe.directory() || probe.extension().equals(ParquetStreamReader.FORMAT)
                ? ProbeResult.EXTENSION : ProbeResult.NO;
    }

    @Override
    public DatasetSink open(Path path, WriteOptions options) {
        return ParquetDatasetWriter.open(path, options, rowGroupRows > 0 ? rowGroupRows : configuredRowGroupRows());
    }

    private static int configuredRowGroupRows() {
        String value = System.getProperty(ROW_GROUP_ROWS_PROPERTY);
        if (value == null) {
            return DEFAULT_ROW_GROUP_ROWS;
        }
        try {
            int rows = Integer.parseInt(value.trim());
            if (rows >= 1) {
                return rows;
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new io.battdat.api.InvalidUseException("system property " + ROW_GROUP_ROWS_PROPERTY + " must be a positive "
                + "row count, got '" + value + "'");
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
