package io.battdat.api.spi;

import java.util.Arrays;
import java.util.Objects;

/**
 * One compression or transform filter of a stored table (HDF5 filter pipeline entry), immutable. Made with
 * {@link #of}; the constructor is private so that the entry can gain fields (flags, optional marks) without breaking
 * callers.
 */
public final class FilterInfo {
    private final int id;
    private final String name;
    private final int[] clientData;

    private FilterInfo(int id, String name, int[] clientData) {
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.clientData = clientData == null ? new int[0] : clientData.clone();
    }

    /**
     * A filter entry.
     *
     * @param id         the HDF5 filter id (1 deflate, 2 shuffle, 32001 blosc, ...)
     * @param name       the filter's name
     * @param clientData the filter's parameters (copied; null for none)
     */
    public static FilterInfo of(int id, String name, int... clientData) {
        return new FilterInfo(id, name, clientData);
    }

    /** The HDF5 filter id (1 deflate, 2 shuffle, 32001 blosc, ...). */
    public int id() {
        return id;
    }

    /** The filter's name. */
    public String name() {
        return name;
    }

    /** The filter's parameters, a copy. */
    public int[] clientData() {
        return clientData.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FilterInfo f && id == f.id && name.equals(f.name) && Arrays.equals(clientData, f.clientData);
    }

    @Override
    public int hashCode() {
        return id * 31 + Arrays.hashCode(clientData);
    }

    @Override
    public String toString() {
        return name + "-" + id + " " + Arrays.toString(clientData);
    }
}
