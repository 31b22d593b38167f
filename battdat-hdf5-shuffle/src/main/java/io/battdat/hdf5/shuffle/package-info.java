/**
 * The byte shuffle of HDF5's shuffle filter and of blosc's shuffled blocks: {@link io.battdat.hdf5.shuffle.ByteShuffle}
 * moves bytes between element order and byte-stream order, through the 8 x 8 byte tiles of
 * {@link io.battdat.hdf5.shuffle.ByteTranspose}. Internal to battdat's HDF5 modules (the reader, the writer and the
 * blosc filter), public only so that they can share it; not part of the battdat API.
 */
package io.battdat.hdf5.shuffle;
