package io.battdat.api.spi;

import io.battdat.api.metadata.BatteryMetadata;

import java.util.Objects;

/**
 * How a {@link StreamWriter} writes. Immutable.
 *
 * @param mode               create, overwrite or append
 * @param metadata           the battery metadata stored on the root
 * @param compressionLevel   0 (none) to 9
 * @param compressionLibrary {@code zlib} (PyTables' names)
 * @param fsync              force data to the device at each flush (power-loss durability)
 */
public record WriteOptions(WriteMode mode, BatteryMetadata metadata, int compressionLevel, String compressionLibrary,
                           boolean fsync) {
    public WriteOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(compressionLibrary, "compressionLibrary");
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new IllegalArgumentException("compression level must be 0-9, got " + compressionLevel);
        }
    }
}
