/**
 * The zlib codec behind HDF5's deflate filter (filter 1): a native one (ISA-L through Intel's GKL) where it loads
 * for the platform, the JDK's zlib otherwise, chosen once per JVM by {@link io.battdat.hdf5.zlib.Zlib}. Both write
 * and read standard zlib streams (RFC 1950), with the adler32 checksum written and verified.
 */
package io.battdat.hdf5.zlib;
