package io.battdat.parquet;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.data.BooleanColumn;
import io.battdat.api.data.Column;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.FloatColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.StringColumn;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;

/**
 * Decodes the pages of one column chunk into one batch column. A page is decoded whole into a staging array of
 * the column's primitive type, then copied into batches with {@link System#arraycopy}. The encodings pyarrow and
 * parquet-java write by default are decoded here in bulk: definition levels (RLE/bit-packed), PLAIN values (one
 * buffer view copy for numbers), dictionary indices mapped through the decoded dictionary. Any other encoding
 * (delta, byte-stream-split, ...) is decoded through parquet-java's own {@link ValuesReader} for that page.
 *
 * <p>Array members (and complex columns) are Parquet lists whose rows hold a fixed number of values: their
 * repetition levels are decoded like definition levels, a page's values are decoded in bulk as above, then spread
 * into {@code valuesPerRow} slots per row, in place, so a list column allocates nothing per row either. A row
 * whose list holds another number of values is an error naming the row; a null or empty list reads like a null
 * scalar (NaN, empty strings, an error for integers).
 *
 * <p>Nulls: NaN in a float column and an empty string in a string column (what pandas gives for them); in an integer
 * or bool column, which pandas cannot hold a null in, an error naming the row.
 */
final class ColumnDecoder {
    private enum Kind { DOUBLE, FLOAT, HALF, INT32, UINT32, INT64, BOOL, STRING }

    private final Path dataset;
    private final String table;
    private final ColumnSpec spec;
    private final ColumnDescriptor descriptor;
    private final Kind kind;
    private final int maxDefinition;
    /** 0 for a scalar column, 1 for a list column (an array member). */
    private final int maxRepetition;
    /** The definition level of a list entry that exists (its element may still be null below maxDefinition). */
    private final int entryDefinition;
    /** Values per row: 1 for a scalar, the elements of an array member (twice that for complex values). */
    private final int perRow;
    /** Bytes of one string value (the {@code S<n>} item size); 0 for other types. */
    private final int width;
    /** Bytes per value of a FIXED_LEN_BYTE_ARRAY string column, or 0 for BYTE_ARRAY (length-prefixed). */
    private final int fixedLength;

    private PageReader pages;
    private Dictionary dictionary;
    private double[] dictDoubles;
    private float[] dictFloats;
    private long[] dictLongs;
    private boolean[] dictBooleans;
    private byte[] dictStrings; // fixed width, like the batch column

    /** The current page, decoded: one entry per row, nulls already replaced. */
    private double[] doubles = new double[0];
    private float[] floats = new float[0];
    private long[] longs = new long[0];
    private boolean[] booleans = new boolean[0];
    private byte[] strings = new byte[0];
    private int[] levels = new int[0];
    private int[] repetitions = new int[0];
    private int[] indices = new int[0];
    private int pageRows;
    private int pagePos;
    /** Table row of the current page's first row (for messages). */
    private long pageFirstRow;
    private long nextPageFirstRow;

    ColumnDecoder(Path dataset, String table, ColumnSpec spec, ColumnDescriptor descriptor) {
        this.dataset = dataset;
        this.table = table;
        this.spec = spec;
        this.descriptor = descriptor;
        this.maxDefinition = descriptor.getMaxDefinitionLevel();
        this.maxRepetition = descriptor.getMaxRepetitionLevel();
        if (maxRepetition > 1) {
            throw new IllegalArgumentException("column '" + spec.name() + "' is a nested list");
        }
        this.entryDefinition = maxDefinition
                - (descriptor.getPrimitiveType().isRepetition(org.apache.parquet.schema.Type.Repetition.OPTIONAL)
                && maxRepetition > 0 ? 1 : 0);
        this.perRow = maxRepetition == 0 ? 1
                : spec.elementsPerRow() * (spec.type().numpyKind() == 'c' ? 2 : 1);
        this.width = spec.type() == StorageType.STRING ? spec.itemSize() : 0;
        PrimitiveTypeName physical = descriptor.getPrimitiveType().getPrimitiveTypeName();
        this.fixedLength = physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY ? descriptor.getPrimitiveType()
                .getTypeLength() : 0;
        this.kind = switch (spec.type()) {
            case FLOAT64 -> Kind.DOUBLE;
            case FLOAT32 -> Kind.FLOAT;
            case FLOAT16 -> Kind.HALF;
            case BOOL -> Kind.BOOL;
            case STRING -> Kind.STRING;
            case COMPLEX64, COMPLEX128 -> Kind.DOUBLE;
            case UINT32 -> physical == PrimitiveTypeName.INT32 ? Kind.UINT32 : Kind.INT64;
            default -> physical == PrimitiveTypeName.INT32 ? Kind.INT32 : Kind.INT64;
        };
    }

    /** Starts on the column chunk of a new row group whose first row is {@code firstRow}. */
    void reset(PageReader chunk, long firstRow) {
        this.pages = chunk;
        this.pageRows = 0;
        this.pagePos = 0;
        this.nextPageFirstRow = firstRow;
        DictionaryPage page = chunk.readDictionaryPage();
        dictionary = null;
        if (page != null) {
            try {
                dictionary = page.getEncoding().initDictionary(descriptor, page);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            materialize(dictionary);
        }
    }

    /** Decodes a dictionary page's values once into primitive arrays, which pages' indices then select from. */
    private void materialize(Dictionary d) {
        int n = d.getMaxId() + 1;
        switch (kind) {
            case DOUBLE -> dictDoubles = fill(new double[n], n, d::decodeToDouble);
            case FLOAT -> dictFloats = fill(new float[n], n, d::decodeToFloat);
            case HALF -> dictFloats = fill(new float[n], n,
                    i -> HalfFloats.toFloat(d.decodeToBinary(i).get2BytesLittleEndian() & 0xffff));
            case INT32 -> dictLongs = fill(new long[n], n, d::decodeToInt);
            case UINT32 -> dictLongs = fill(new long[n], n, i -> d.decodeToInt(i) & 0xffff_ffffL);
            case INT64 -> dictLongs = fill(new long[n], n, d::decodeToLong);
            case BOOL -> dictBooleans = fill(new boolean[n], n, d::decodeToBoolean);
            case STRING -> {
                dictStrings = new byte[Math.multiplyExact(n, width)];
                for (int i = 0; i < n; i++) {
                    putString(d.decodeToBinary(i), dictStrings, i * width, -1);
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** Sets {@code out[0, n)} to the values of indices {@code 0..n-1} (a dictionary's ids, or a page's order). */
    private static double[] fill(double[] out, int n, IntToDoubleFunction value) {
        for (int i = 0; i < n; i++) {
            out[i] = value.applyAsDouble(i);
        }
        return out;
    }

    /** As {@link #fill(double[], int, IntToDoubleFunction)}; floats pass through double exactly. */
    private static float[] fill(float[] out, int n, IntToDoubleFunction value) {
        for (int i = 0; i < n; i++) {
            out[i] = (float) value.applyAsDouble(i);
        }
        return out;
    }

    private static long[] fill(long[] out, int n, IntToLongFunction value) {
        for (int i = 0; i < n; i++) {
            out[i] = value.applyAsLong(i);
        }
        return out;
    }

    private static boolean[] fill(boolean[] out, int n, IntPredicate value) {
        for (int i = 0; i < n; i++) {
            out[i] = value.test(i);
        }
        return out;
    }

    /** Passes over {@code n} rows. */
    void skip(long n) {
        while (n > 0) {
            ensurePage();
            int k = (int) Math.min(n, pageRows - pagePos);
            pagePos += k;
            n -= k;
        }
    }

    /** Reads the next {@code n} rows into rows {@code [0, n)} of {@code target}. */
    void fill(Column target, int n) {
        int at = 0;
        while (at < n) {
            ensurePage();
            int k = Math.min(n - at, pageRows - pagePos);
            int from = pagePos * perRow;
            int to = at * perRow;
            int values = k * perRow;
            switch (kind) {
                case DOUBLE -> System.arraycopy(doubles, from, ((DoubleColumn) target).buffer(), to, values);
                case FLOAT, HALF -> System.arraycopy(floats, from, ((FloatColumn) target).buffer(), to, values);
                case INT32, UINT32, INT64 -> System.arraycopy(longs, from, ((LongColumn) target).buffer(), to, values);
                case BOOL -> System.arraycopy(booleans, from, ((BooleanColumn) target).buffer(), to, values);
                case STRING -> System.arraycopy(strings, from * width, ((StringColumn) target).buffer(), to * width,
                        values * width);
                default -> throw new IllegalStateException(kind.toString());
            }
            pagePos += k;
            at += k;
        }
    }

    private void ensurePage() {
        while (pagePos >= pageRows) {
            DataPage page = pages.readPage();
            if (page == null) {
                throw damaged(nextPageFirstRow, "has fewer values than its row group has rows");
            }
            pageFirstRow = nextPageFirstRow;
            try {
                decode(page);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            nextPageFirstRow += pageRows;
            pagePos = 0;
        }
    }

    private void decode(DataPage page) throws IOException {
        int rows = page.getValueCount(); // level entries: rows for a scalar column, values or empty lists for a list
        ByteBuffer repetitionBuf = null;
        int repetitionPos = 0;
        int repetitionEnd = 0;
        ByteBuffer levelsBuf;
        int levelsPos;
        int levelsEnd;
        ByteBuffer data;
        int dataPos;
        Encoding encoding;
        if (page instanceof DataPageV1 v1) {
            ByteBuffer buf = v1.getBytes().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            int pos = buf.position();
            levelsBuf = buf;
            levelsPos = pos;
            levelsEnd = pos;
            if (maxRepetition > 0) {
                if (v1.getRlEncoding() != Encoding.RLE) {
                    throw damaged(pageFirstRow, "stores its repetition levels as " + v1.getRlEncoding()
                            + ", which is not supported");
                }
                int length = buf.getInt(pos);
                repetitionBuf = buf;
                repetitionPos = pos + 4;
                repetitionEnd = repetitionPos + length;
                pos = repetitionEnd;
                levelsPos = pos;
                levelsEnd = pos;
            }
            if (maxDefinition > 0) {
                if (v1.getDlEncoding() != Encoding.RLE) {
                    throw damaged(pageFirstRow, "stores its definition levels as " + v1.getDlEncoding()
                            + ", which is not supported");
                }
                int length = buf.getInt(pos);
                levelsPos = pos + 4;
                levelsEnd = levelsPos + length;
                pos = levelsEnd;
            }
            data = buf;
            dataPos = pos;
            encoding = v1.getValueEncoding();
        } else if (page instanceof DataPageV2 v2) {
            if (maxRepetition > 0) {
                repetitionBuf = v2.getRepetitionLevels().toByteBuffer();
                repetitionPos = repetitionBuf.position();
                repetitionEnd = repetitionBuf.limit();
            }
            levelsBuf = v2.getDefinitionLevels().toByteBuffer();
            levelsPos = levelsBuf.position();
            levelsEnd = levelsBuf.limit();
            data = v2.getData().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            dataPos = data.position();
            encoding = v2.getDataEncoding();
        } else {
            throw new BadFormatException(ErrorLocation.of(dataset, table, pageFirstRow),
                    "unknown page type " + page, null);
        }
        int present = rows;
        boolean hasNulls = false;
        if (maxDefinition > 0) {
            if (levels.length < rows) {
                levels = new int[rows];
            }
            HybridDecoder.decode(levelsBuf, levelsPos, levelsEnd, 32 - Integer.numberOfLeadingZeros(maxDefinition),
                    levels, rows);
            present = 0;
            for (int i = 0; i < rows; i++) {
                if (levels[i] == maxDefinition) {
                    present++;
                }
            }
            hasNulls = present < rows;
        }
        int pageRecords = rows;
        if (maxRepetition > 0) {
            if (repetitions.length < rows) {
                repetitions = new int[rows];
            }
            HybridDecoder.decode(repetitionBuf, repetitionPos, repetitionEnd, 1, repetitions, rows);
            pageRecords = listRows(rows);
            long slots = (long) pageRecords * perRow;
            if (slots > Math.max(rows, 1 << 22)) {
                // only null lists expand (one level entry fills a whole row): a few RLE bytes must not size a
                // staging array beyond what the page could hold
                throw damaged(pageFirstRow, "has a page of " + pageRecords + " rows, mostly null lists, that would "
                        + "expand to " + slots + " values; refused as damaged");
            }
            grow(Math.max(rows, (int) slots));
        } else {
            grow(rows);
        }
        if (encoding == Encoding.PLAIN_DICTIONARY || encoding == Encoding.RLE_DICTIONARY) {
            if (dictionary == null) {
                throw damaged(pageFirstRow, "has dictionary-encoded values but no dictionary page");
            }
            if (indices.length < present) {
                indices = new int[present];
            }
            int bitWidth = data.get(dataPos);
            HybridDecoder.decode(data, dataPos + 1, data.limit(), bitWidth, indices, present);
            lookUp(present);
        } else if (encoding == Encoding.PLAIN && kind != Kind.BOOL) {
            plain(data, dataPos, present);
        } else {
            ValuesReader reader = dictionary != null && encoding.usesDictionary()
                    ? encoding.getDictionaryBasedValuesReader(descriptor, ValuesType.VALUES, dictionary)
                    : encoding.getValuesReader(descriptor, ValuesType.VALUES);
            ByteBuffer slice = data.duplicate();
            slice.position(dataPos);
            reader.initFromPage(present, ByteBufferInputStream.wrap(slice.slice()));
            generic(reader, present);
        }
        if (maxRepetition > 0) {
            spreadLists(rows, present, pageRecords);
        } else if (hasNulls) {
            spreadNulls(rows, present);
        }
        pageRows = pageRecords;
    }

    /**
     * Counts the rows of a list column's page and checks that each holds {@code perRow} entries, or one entry
     * for a null or empty list. A page must start a row (parquet-java, pyarrow and DuckDB never split one).
     */
    private int listRows(int entries) {
        if (entries > 0 && repetitions[0] != 0) {
            throw damaged(pageFirstRow, "continues a row from the previous page, which is not supported");
        }
        int records = 0;
        int i = 0;
        while (i < entries) {
            int start = i++;
            while (i < entries && repetitions[i] != 0) {
                i++;
            }
            int count = i - start;
            boolean noList = levels[start] < entryDefinition;
            if (noList ? count != 1 : count != perRow) {
                throw damaged(pageFirstRow + records, "holds a list of " + (noList ? 0 : count)
                        + " values; the array member " + spec + " needs " + perRow + " in every row");
            }
            records++;
        }
        return records;
    }

    /**
     * Moves the {@code present} decoded values of a list page to their row-major slots, backwards and in place
     * (a slot never precedes the value it receives); a null element or a null or empty list fills as a null.
     */
    private void spreadLists(int entries, int present, int records) {
        int k = present - 1;
        int slot = records * perRow - 1;
        int record = records - 1;
        for (int i = entries - 1; i >= 0; i--) {
            int level = levels[i];
            int fills = level < entryDefinition ? perRow : 1;
            for (int f = 0; f < fills; f++, slot--) {
                if (level == maxDefinition) {
                    moveValue(k, slot);
                } else {
                    setNull(slot, pageFirstRow + record);
                }
            }
            if (level == maxDefinition) {
                k--;
            }
            if (repetitions[i] == 0) {
                record--;
            }
        }
    }

    private void moveValue(int from, int to) {
        switch (kind) {
            case DOUBLE -> doubles[to] = doubles[from];
            case FLOAT, HALF -> floats[to] = floats[from];
            case INT32, UINT32, INT64 -> longs[to] = longs[from];
            case BOOL -> booleans[to] = booleans[from];
            case STRING -> System.arraycopy(strings, from * width, strings, to * width, width);
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private void setNull(int slot, long row) {
        switch (kind) {
            case DOUBLE -> doubles[slot] = Double.NaN;
            case FLOAT, HALF -> floats[slot] = Float.NaN;
            case STRING -> Arrays.fill(strings, slot * width, (slot + 1) * width, (byte) 0);
            default -> throw nullNotAllowed(row);
        }
    }

    private void grow(int rows) {
        switch (kind) {
            case DOUBLE -> doubles = doubles.length >= rows ? doubles : new double[rows];
            case FLOAT, HALF -> floats = floats.length >= rows ? floats : new float[rows];
            case INT32, UINT32, INT64 -> longs = longs.length >= rows ? longs : new long[rows];
            case BOOL -> booleans = booleans.length >= rows ? booleans : new boolean[rows];
            case STRING -> strings = strings.length >= rows * width ? strings : new byte[Math.multiplyExact(rows, width)];
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private void lookUp(int n) {
        int[] ids = indices; // an index past the dictionary throws ArrayIndexOutOfBounds: a corrupt page
        switch (kind) {
            case DOUBLE -> {
                for (int i = 0; i < n; i++) {
                    doubles[i] = dictDoubles[ids[i]];
                }
            }
            case FLOAT, HALF -> {
                for (int i = 0; i < n; i++) {
                    floats[i] = dictFloats[ids[i]];
                }
            }
            case INT32, UINT32, INT64 -> {
                for (int i = 0; i < n; i++) {
                    longs[i] = dictLongs[ids[i]];
                }
            }
            case BOOL -> {
                for (int i = 0; i < n; i++) {
                    booleans[i] = dictBooleans[ids[i]];
                }
            }
            case STRING -> {
                for (int i = 0; i < n; i++) {
                    System.arraycopy(dictStrings, ids[i] * width, strings, i * width, width);
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private void plain(ByteBuffer data, int pos, int n) {
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.position(pos);
        ByteBuffer values = b.slice().order(ByteOrder.LITTLE_ENDIAN);
        switch (kind) {
            case DOUBLE -> values.asDoubleBuffer().get(doubles, 0, n);
            case FLOAT -> values.asFloatBuffer().get(floats, 0, n);
            case INT64 -> values.asLongBuffer().get(longs, 0, n);
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    longs[i] = values.getInt(i * 4);
                }
            }
            case UINT32 -> {
                for (int i = 0; i < n; i++) {
                    longs[i] = values.getInt(i * 4) & 0xffff_ffffL;
                }
            }
            case HALF -> {
                for (int i = 0; i < n; i++) {
                    floats[i] = HalfFloats.toFloat(values.getShort(i * 2) & 0xffff);
                }
            }
            case STRING -> {
                int p = 0;
                for (int i = 0; i < n; i++) {
                    int length = fixedLength;
                    if (fixedLength == 0) {
                        length = values.getInt(p);
                        p += 4;
                    }
                    if (length < 0 || length > width || p + length > values.limit()) {
                        throw tooLong(i, length);
                    }
                    values.get(p, strings, i * width, length);
                    Arrays.fill(strings, i * width + length, (i + 1) * width, (byte) 0);
                    p += length;
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    /** Decodes a page's values in order through parquet-java's reader (encodings we do not decode in bulk). */
    private void generic(ValuesReader r, int n) {
        switch (kind) {
            case DOUBLE -> fill(doubles, n, i -> r.readDouble());
            case FLOAT -> fill(floats, n, i -> r.readFloat());
            case HALF -> fill(floats, n, i -> HalfFloats.toFloat(r.readBytes().get2BytesLittleEndian() & 0xffff));
            case INT32 -> fill(longs, n, i -> r.readInteger());
            case UINT32 -> fill(longs, n, i -> r.readInteger() & 0xffff_ffffL);
            case INT64 -> fill(longs, n, i -> r.readLong());
            case BOOL -> fill(booleans, n, i -> r.readBoolean());
            case STRING -> {
                for (int i = 0; i < n; i++) {
                    putString(r.readBytes(), strings, i * width, i);
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private void putString(Binary b, byte[] into, int at, int row) {
        int length = b.length();
        if (length > width) {
            throw tooLong(row, length);
        }
        b.toByteBuffer().get(into, at, length);
        Arrays.fill(into, at + length, at + width, (byte) 0);
    }

    private BadFormatException tooLong(int index, int length) {
        return damaged(index < 0 ? -1 : pageFirstRow + index, "holds a " + length + "-byte string, longer than the "
                + width + " bytes measured when the file was opened (or a damaged length)");
    }

    /** A null in an integer or bool column, which has no value to stand for it. */
    private BadFormatException nullNotAllowed(long row) {
        return damaged(row, "(" + spec.numpyDtype() + ") holds a null, which a battdat "
                + (kind == Kind.BOOL ? "bool" : "integer") + " column cannot hold");
    }

    /** A damaged-file error about this column at a table row (-1 for none); {@code problem} follows its name. */
    private BadFormatException damaged(long row, String problem) {
        return new BadFormatException(ErrorLocation.of(dataset, table, row),
                "column '" + spec.name() + "' " + problem, null);
    }

    /** Moves the {@code present} decoded values to their rows, filling null rows (backwards, in place). */
    private void spreadNulls(int rows, int present) {
        int k = present - 1;
        for (int i = rows - 1; i >= 0; i--) {
            boolean defined = levels[i] == maxDefinition;
            switch (kind) {
                case DOUBLE -> doubles[i] = defined ? doubles[k] : Double.NaN;
                case FLOAT, HALF -> floats[i] = defined ? floats[k] : Float.NaN;
                case STRING -> {
                    if (defined) {
                        System.arraycopy(strings, k * width, strings, i * width, width);
                    } else {
                        Arrays.fill(strings, i * width, (i + 1) * width, (byte) 0);
                    }
                }
                default -> {
                    if (!defined) {
                        throw nullNotAllowed(pageFirstRow + i);
                    }
                    if (kind == Kind.BOOL) {
                        booleans[i] = booleans[k];
                    } else {
                        longs[i] = longs[k];
                    }
                }
            }
            if (defined) {
                k--;
            }
        }
    }
}
