/**
 * HDF5 compression filters that jHDF lacks, as {@code io.jhdf.filter.Filter} services: blosc (every inner codec,
 * byte and bit shuffle; also encoded for writing), bzip2 and lzo. Decoders bound their output by the sizes the
 * chunk declares, so a damaged chunk is an error, never an unbounded allocation. When battdat-hdf5 is present,
 * blosc also hands its reader the shuffled blocks so columns are gathered in one pass
 * (docs/format.md section 2.8).
 */
package io.battdat.hdf5.codecs;
