package io.battdat.api.data;

import io.battdat.api.InvalidUseException;
import java.util.Arrays;
import java.util.Objects;

/**
 * One column of a table as stored: name, element type, item size, fixed shape of array members, byte order;
 * immutable. Made with {@link #of}, {@link #string} or {@link #builder}; the constructor is private so that the
 * description can gain fields without breaking callers.
 */
public final class ColumnSpec {
    private final String name;
    private final StorageType type;
    private final int itemSize;
    private final int[] shape;
    private final boolean bigEndian;

    private ColumnSpec(String name, StorageType type, int itemSize, int[] shape, boolean bigEndian) {
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
        this.name = name;
        this.type = type;
        this.itemSize = itemSize;
        this.shape = shape;
        this.bigEndian = bigEndian;
    }

    /**
     * A builder for a little-endian scalar column; the item size starts at the type's size (0 for
     * {@link StorageType#STRING}, whose width must be set).
     */
    public static Builder builder(String name, StorageType type) {
        return new Builder(name, type);
    }

    /** A builder holding this column's values. */
    public Builder toBuilder() {
        return new Builder(name, type).itemSize(itemSize).shape(shape).bigEndian(bigEndian);
    }

    /** A little-endian scalar column of a fixed-size type. */
    public static ColumnSpec of(String name, StorageType type) {
        return new ColumnSpec(name, type, type.size(), null, false);
    }

    /** A fixed-length string column of the given width in bytes. */
    public static ColumnSpec string(String name, int width) {
        return new ColumnSpec(name, StorageType.STRING, width, null, false);
    }

    /** Column name (compound member name). */
    public String name() {
        return name;
    }

    /** Element type. */
    public StorageType type() {
        return type;
    }

    /** Bytes per element: the type's size, or the width of a fixed-length string. */
    public int itemSize() {
        return itemSize;
    }

    /** Fixed shape of an array member ({@code [2]} for {@code [2]f8}), a copy; empty for a scalar column. */
    public int[] shape() {
        return shape.clone();
    }

    /** Whether the stored bytes are big-endian (battdat files are little-endian). */
    public boolean bigEndian() {
        return bigEndian;
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

    /** Builds a {@link ColumnSpec}. */
    public static final class Builder {
        private final String name;
        private final StorageType type;
        private int itemSize;
        private int[] shape;
        private boolean bigEndian;

        private Builder(String name, StorageType type) {
            this.name = name;
            this.type = type;
            this.itemSize = type == null ? 0 : type.size();
        }

        /** Sets the bytes per element: must be the type's size, or the width of a fixed-length string. */
        public Builder itemSize(int value) {
            itemSize = value;
            return this;
        }

        /** Sets the fixed shape of an array member (copied); null or empty for a scalar column. */
        public Builder shape(int... value) {
            shape = value == null ? null : value.clone();
            return this;
        }

        /** Sets whether the stored bytes are big-endian. */
        public Builder bigEndian(boolean value) {
            bigEndian = value;
            return this;
        }

        /**
         * The column.
         *
         * @throws InvalidUseException when the item size does not fit the type or the shape has a dimension below 1
         * @throws NullPointerException when the name or type is null
         */
        public ColumnSpec build() {
            return new ColumnSpec(name, type, itemSize, shape, bigEndian);
        }
    }
}
