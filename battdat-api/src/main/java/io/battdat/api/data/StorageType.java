package io.battdat.api.data;

/**
 * How one value of a column is stored: the element types battdat tables use (docs/format.md section 2.7). Integers of
 * every width are held in {@link LongColumn}s, float16/float32 in {@link FloatColumn}s, float64 and complex in
 * {@link DoubleColumn}s, bool in {@link BooleanColumn}s, fixed-length strings in {@link StringColumn}s.
 */
public enum StorageType {
    FLOAT16('f', 2), FLOAT32('f', 4), FLOAT64('f', 8),
    INT8('i', 1), INT16('i', 2), INT32('i', 4), INT64('i', 8),
    UINT8('u', 1), UINT16('u', 2), UINT32('u', 4), UINT64('u', 8),
    BOOL('b', 1),
    /** Complex of two float32 parts, held as two doubles (real, imaginary) per value. */
    COMPLEX64('c', 8),
    /** Complex of two float64 parts, held as two doubles (real, imaginary) per value. */
    COMPLEX128('c', 16),
    /** Fixed-length byte string; the width is the column's item size. */
    STRING('S', 0);

    private final char numpyKind;
    private final int size;

    StorageType(char numpyKind, int size) {
        this.numpyKind = numpyKind;
        this.size = size;
    }

    /** numpy's kind code: f, i, u, b, c or S. */
    public char numpyKind() {
        return numpyKind;
    }

    /** Bytes per value, 0 for strings (their width varies). */
    public int size() {
        return size;
    }

    /** True for the integer types, signed or not. */
    public boolean isInteger() {
        return numpyKind == 'i' || numpyKind == 'u';
    }

    /** True for float16/32/64. */
    public boolean isFloat() {
        return numpyKind == 'f';
    }
}
