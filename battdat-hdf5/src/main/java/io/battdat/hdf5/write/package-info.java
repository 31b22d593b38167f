/**
 * Writing and appending battdat HDF5 files in PyTables' layout, one class per on-disk structure (superblock,
 * object header messages, symbol tables, local heaps, chunk B-trees). Every flush is a crash-safe commit: new data
 * and index copies first, then the end-of-file address, then single-pointer swings, then the table's size
 * (docs/commit-protocol.md). Reached through the {@link io.battdat.api.spi.StreamWriter} service and the engine's
 * {@code HDF5Writer}.
 */
package io.battdat.hdf5.write;
