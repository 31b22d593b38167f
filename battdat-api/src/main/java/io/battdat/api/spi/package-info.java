/**
 * The storage SPI: what a backend implements to read ({@link io.battdat.api.spi.StreamReader},
 * {@link io.battdat.api.spi.StoredDataset}, {@link io.battdat.api.spi.TableCursor}) or write
 * ({@link io.battdat.api.spi.StreamWriter}, {@link io.battdat.api.spi.DatasetSink},
 * {@link io.battdat.api.spi.TableSink}) a storage format, and the options that steer it. Backends are found with
 * {@link java.util.ServiceLoader} by the engine's registry and report {@link io.battdat.api.spi.Spi#VERSION}
 * (docs/architecture.md sections 2-3; docs/extending.md section 2).
 */
package io.battdat.api.spi;
