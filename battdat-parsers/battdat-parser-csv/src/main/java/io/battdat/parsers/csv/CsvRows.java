package io.battdat.parsers.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.parse.BatchBuilder;
import io.battdat.api.parse.FieldRow;
import io.battdat.api.parse.Header;
import io.battdat.api.parse.InputErrors;
import io.battdat.api.parse.ParseContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * The records of a delimited text file as {@link FieldRow}s, read with FastCSV's callback API (fields arrive as
 * character ranges: nothing is allocated per value). RFC 4180 quoting, CRLF or LF, a UTF-8 byte-order mark, blank
 * lines skipped. Reports consumed bytes to the context. Errors name the file, the table and the line. Shared by the
 * vendor parsers that read CSV-like exports; it depends on battdat-api and FastCSV only.
 */
public final class CsvRows implements AutoCloseable {
    private final Path file;
    private final String table;
    private final ParseContext context;
    private final CsvReader<FieldRow> reader;
    private final Iterator<FieldRow> records;
    private final FieldRow row = new FieldRow();
    private long lastLine;

    /**
     * Opens a delimited text file; a file that is not text (a binary file given to a text parser) is refused here.
     *
     * @param table     the table the rows go to, for error messages
     * @param separator the field separator (',' or '\t')
     * @param context   receives the consumed bytes (progress) and bad lines
     */
    public CsvRows(Path file, String table, Charset charset, char separator, ParseContext context) {
        this.file = file;
        this.table = table;
        this.context = context;
        InputStream in;
        try {
            in = Files.newInputStream(file);
            byte[] head = in.readNBytes(4096);
            InputErrors.requireText(file, head, head.length, "CSV");
            in.close();
            in = new Counting(Files.newInputStream(file), context);
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(file), "cannot read: " + e.getMessage(), e);
        }
        Handler handler = new Handler(row);
        this.reader = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true).allowExtraFields(true)
                .allowMissingFields(true).detectBomHeader(true).build(handler, in, charset);
        this.records = reader.iterator();
    }

    /** The next record, or null at the end. The same {@link FieldRow} is refilled each time. */
    public FieldRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            FieldRow r = records.next();
            lastLine = r.line();
            return r;
        } catch (CsvParseException e) {
            throw InputErrors.badLine(file, table, lastLine + 1, "malformed CSV: " + message(e));
        } catch (UncheckedIOException e) {
            throw new FileAccessException(ErrorLocation.of(file, table), "cannot read after line " + lastLine + ": "
                    + e.getCause().getMessage(), e);
        }
    }

    /**
     * The first record as the header line.
     *
     * @throws BadFormatException when the file has no record at all
     */
    public Header readHeader() {
        FieldRow first = next();
        if (first == null) {
            throw new BadFormatException(ErrorLocation.of(file, table), "empty file: no header line", null);
        }
        return Header.of(first);
    }

    /**
     * The next record that has {@code fields} fields, or null at the end. A record with another number of fields
     * is reported to the context's bad-line policy (which may throw) and passed over; one with fewer is named as a
     * possibly truncated line.
     */
    public FieldRow nextWithFields(int fields) {
        FieldRow r;
        while ((r = next()) != null && r.size() != fields) {
            context.badLine(InputErrors.badLine(file, table, r.line(), "expected " + fields + " fields, found "
                    + r.size() + (r.size() < fields ? " (a truncated line?)" : "")));
        }
        return r;
    }

    /**
     * Reads every record of the header's width into {@code out} ({@link #nextWithFields} reports the others), then
     * finishes the output. A record holding a value that does not parse is reported to the context's bad-line
     * policy, naming the header's column, and left out.
     */
    public void readAll(Header header, BatchBuilder out, RecordReader reader) {
        FieldRow r;
        while ((r = nextWithFields(header.size())) != null) {
            try {
                reader.read(r, out.row());
            } catch (IllegalArgumentException e) {
                context.badLine(InputErrors.badValue(file, table, r.line(), header.name(reader.at), e));
                continue;
            }
            out.commit();
        }
        out.finish();
    }

    /**
     * Reads one record's fields into one row of the output, for {@link #readAll}. It sets {@link #at} to each field
     * before reading it, so that a value that does not parse is reported with its column.
     */
    public abstract static class RecordReader {
        /** The header index of the field being read. */
        protected int at;

        /**
         * Reads record {@code r} into output row {@code row}.
         *
         * @throws IllegalArgumentException when a value does not parse (the field {@link #at})
         */
        protected abstract void read(FieldRow r, int row);
    }

    private static String message(Throwable e) {
        Throwable c = e;
        StringBuilder sb = new StringBuilder(String.valueOf(c.getMessage()));
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
            sb.append(": ").append(c.getMessage());
        }
        return sb.toString();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(file, table), "cannot close: " + e.getMessage(), e);
        }
    }

    /** Fills the shared row. */
    private static final class Handler extends AbstractBaseCsvCallbackHandler<FieldRow> {
        private final FieldRow row;

        Handler(FieldRow row) {
            this.row = row;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            row.begin(startingLineNumber);
        }

        @Override
        protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
            row.add(buf, offset, len);
        }

        @Override
        protected FieldRow buildRecord() {
            return row;
        }
    }

    /** Tells the context how many bytes were consumed. */
    private static final class Counting extends FilterInputStream {
        private final ParseContext context;

        Counting(InputStream in, ParseContext context) {
            super(in);
            this.context = context;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                context.progress(n);
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                context.progress(1);
            }
            return c;
        }
    }
}
