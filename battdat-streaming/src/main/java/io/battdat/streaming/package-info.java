/**
 * The engine: {@link io.battdat.streaming.BattdatEngine} streams any table a backend reads as records, batches or
 * cycles, and follows tables while they are written (docs/streaming.md); {@link io.battdat.streaming.HDF5Writer}
 * writes rows as the Python toolkit's streaming writer does. {@link io.battdat.streaming.StorageRegistry} finds
 * backends and parsers with {@link java.util.ServiceLoader}; {@link io.battdat.streaming.BattdatModule} wires the
 * engine with Guice (docs/architecture.md section 3). Start with {@link io.battdat.streaming.Battdat#engine()}.
 */
package io.battdat.streaming;
