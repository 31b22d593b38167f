package io.battdat.api.spi;

import java.util.Arrays;

/**
 * One compression or transform filter of a stored table (HDF5 filter pipeline entry).
 *
 * @param id         the HDF5 filter id (1 deflate, 2 shuffle, 32001 blosc, ...)
 * @param name       the filter's name
 * @param clientData the filter's parameters
 */
public record FilterInfo(int id, String name, int[] clientData) {
    public FilterInfo {
        clientData = clientData == null ? new int[0] : clientData.clone();
    }

    @Override
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
