package io.battdat.api.data;

import io.battdat.api.InvalidUseException;
import java.util.Arrays;
import java.util.Objects;

/**
 * One column of a table as stored: name, element type, item size, fixed shape of array members, byte order.
 *
 * @param name      column name (compound member name)
 * @param type      element type
 * @param itemSize  bytes per element: the type's size, or the width of a fixed-length string
 * @param shape     fixed shape of an array member ({@code [2]} for {@code [2]f8}); empty for a scalar column
 * @param bigEndian whether the stored bytes are big-endian (battdat files are little-endian)
 */
public record ColumnSpec(String name, StorageType type, int itemSize, int[] shape, boolean bigEndian) {

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        shape = shape == null ? new int[0] : shape.clone();
        if (type != StorageType.STRING && itemSize != type.size()) {
            throw new InvalidUseException("item size " + itemSize + " does not fit " + type + " in column " + name);
        }
        if (itemSize < 0) {
            throw new InvalidUseException("negative item size in column " + name);
        }
        for (int d : shape) {
            if (d <= 0) {
                throw new InvalidUseException("bad shape " + Arrays.toString(shape) + " in column " + name);
            }
        }
    }

    /** A little-endian scalar column of a fixed-size type. */
    public static ColumnSpec of(String name, StorageType type) {
        return new ColumnSpec(name, type, type.size(), new int[0], false);
    }

    /** A fixed-length string column of the given width in bytes. */
    public static ColumnSpec string(String name, int width) {
        return new ColumnSpec(name, StorageType.STRING, width, new int[0], false);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements per row: 1 for scalars, the product of the shape for array members. */
    public int elementsPerRow() {
        int n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** True for array members. */
    public boolean isArray() {
        return shape.length > 0;
    }

    /**
     * The numpy dtype string of one element once read, as PyTables reports it ({@code dtype.str}): {@code <f8},
     * {@code |u1}, {@code |S11}. Values are decoded to native (little-endian) order whatever the stored order,
     * as PyTables does, so the string never says big-endian.
     */
    public String numpyDtype() {
        if (type == StorageType.STRING) {
            return "|S" + itemSize;
        }
        if (type == StorageType.BOOL) {
            return "|b1";
        }
        char order = itemSize == 1 ? '|' : '<';
        return "" + order + type.numpyKind() + itemSize;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnSpec c && name.equals(c.name) && type == c.type && itemSize == c.itemSize
                && Arrays.equals(shape, c.shape) && bigEndian == c.bigEndian;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, itemSize, Arrays.hashCode(shape), bigEndian);
    }

    @Override
    public String toString() {
        return name + ":" + numpyDtype() + (shape.length > 0 ? Arrays.toString(shape) : "");
    }
}
