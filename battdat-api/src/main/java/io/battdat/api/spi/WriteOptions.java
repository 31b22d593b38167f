package io.battdat.api.spi;

import io.battdat.api.metadata.BatteryMetadata;

import java.util.Objects;

/**
 * How a {@link StreamWriter} writes. Immutable; {@code with*} return new instances.
 *
 * @param mode               create, overwrite or append
 * @param metadata           the battery metadata stored on the root
 * @param metadataJson       when not null, stored verbatim as the root metadata instead of {@code metadata}'s JSON
 *                           (copies keep the source's exact text and flavour)
 * @param compressionLevel   0 (none) to 9
 * @param compressionLibrary {@code zlib} (PyTables' names)
 * @param fsync              force data to the device at each flush (power-loss durability)
 */
public record WriteOptions(WriteMode mode, BatteryMetadata metadata, String metadataJson, int compressionLevel,
                           String compressionLibrary, boolean fsync) {
    public WriteOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(compressionLibrary, "compressionLibrary");
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new IllegalArgumentException("compression level must be 0-9, got " + compressionLevel);
        }
    }

    /** Options to write a new file with this metadata, uncompressed. */
    public static WriteOptions create(BatteryMetadata metadata) {
        return new WriteOptions(WriteMode.CREATE, metadata, null, 0, "zlib", false);
    }

    /** A copy with another mode. */
    public WriteOptions withMode(WriteMode newMode) {
        return new WriteOptions(newMode, metadata, metadataJson, compressionLevel, compressionLibrary, fsync);
    }

    /** A copy with compression. */
    public WriteOptions withCompression(int level, String library) {
        return new WriteOptions(mode, metadata, metadataJson, level, library, fsync);
    }

    /** A copy that stores this metadata text verbatim. */
    public WriteOptions withMetadataJson(String json) {
        return new WriteOptions(mode, metadata, json, compressionLevel, compressionLibrary, fsync);
    }

    /** The root metadata text to store. */
    public String rootMetadataJson() {
        return metadataJson != null ? metadataJson : metadata.toJson();
    }
}
