/**
 * The HDF5 storage backend for battdat files written by PyTables, h5py or this project: a
 * {@link io.battdat.api.spi.StreamReader} service that finds tables through jHDF and reads and decodes their chunks
 * itself, straight into primitive columns, and follows tables while they are written
 * (docs/format.md section 2; docs/streaming.md section 5). Use it through the engine; nothing here is named by
 * application code.
 */
package io.battdat.hdf5;
