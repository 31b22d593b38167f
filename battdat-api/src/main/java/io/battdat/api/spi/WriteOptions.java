package io.battdat.api.spi;

import io.battdat.api.InvalidUseException;
import io.battdat.api.metadata.BatteryMetadata;

import java.util.Objects;

/**
 * How a {@link StreamWriter} writes. Immutable and thread-safe; made with {@link #create(BatteryMetadata)} or
 * {@link #builder(BatteryMetadata)}, changed with the {@code with*} methods, which return new instances. New
 * options are added as builder methods, so code written today keeps compiling.
 */
public final class WriteOptions {
    private final WriteMode mode;
    private final BatteryMetadata metadata;
    private final String metadataJson;
    private final int compressionLevel;
    private final String compressionLibrary;
    private final boolean fsync;
    private final MonotonicPolicy monotonicPolicy;

    private WriteOptions(Builder b) {
        this.mode = Objects.requireNonNull(b.mode, "mode");
        this.metadata = Objects.requireNonNull(b.metadata, "metadata");
        this.compressionLibrary = Objects.requireNonNull(b.compressionLibrary, "compressionLibrary");
        if (b.compressionLevel < 0 || b.compressionLevel > 9) {
            throw new InvalidUseException("compression level must be 0-9, got " + b.compressionLevel);
        }
        this.compressionLevel = b.compressionLevel;
        this.metadataJson = b.metadataJson;
        this.fsync = b.fsync;
        this.monotonicPolicy = Objects.requireNonNull(b.monotonicPolicy, "monotonicPolicy");
    }

    /** Options to write a new file with this metadata, uncompressed. */
    public static WriteOptions create(BatteryMetadata metadata) {
        return builder(metadata).build();
    }

    /** A builder for a new file with this metadata, uncompressed, without fsync. */
    public static Builder builder(BatteryMetadata metadata) {
        return new Builder(metadata);
    }

    /** A builder holding this instance's values. */
    public Builder toBuilder() {
        return new Builder(metadata).mode(mode).metadataJson(metadataJson)
                .compression(compressionLevel, compressionLibrary).fsync(fsync).monotonicPolicy(monotonicPolicy);
    }

    /** Create, overwrite or append. */
    public WriteMode mode() {
        return mode;
    }

    /** The battery metadata stored on the root. */
    public BatteryMetadata metadata() {
        return metadata;
    }

    /**
     * When not null, stored verbatim as the root metadata instead of {@link #metadata()}'s JSON (copies keep the
     * source's exact text and flavour).
     */
    public String metadataJson() {
        return metadataJson;
    }

    /** 0 (none) to 9. */
    public int compressionLevel() {
        return compressionLevel;
    }

    /** The compression library, by PyTables' names ({@code zlib}, {@code blosc:lz4}, ...). */
    public String compressionLibrary() {
        return compressionLibrary;
    }

    /** Whether data is forced to the device at each flush (power-loss durability). */
    public boolean fsync() {
        return fsync;
    }

    /**
     * What an append does to rows that would make a column declared monotonic decrease ({@link MonotonicPolicy};
     * default {@link MonotonicPolicy#REFUSE}).
     */
    public MonotonicPolicy monotonicPolicy() {
        return monotonicPolicy;
    }

    /** A copy with another mode. */
    public WriteOptions withMode(WriteMode newMode) {
        return toBuilder().mode(newMode).build();
    }

    /** A copy with compression. */
    public WriteOptions withCompression(int level, String library) {
        return toBuilder().compression(level, library).build();
    }

    /** A copy that stores this metadata text verbatim. */
    public WriteOptions withMetadataJson(String json) {
        return toBuilder().metadataJson(json).build();
    }

    /** A copy with fsync at each flush, or without. */
    public WriteOptions withFsync(boolean sync) {
        return toBuilder().fsync(sync).build();
    }

    /** The root metadata text to store. */
    public String rootMetadataJson() {
        return metadataJson != null ? metadataJson : metadata.toJson();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WriteOptions w && mode == w.mode && metadata.equals(w.metadata)
                && Objects.equals(metadataJson, w.metadataJson) && compressionLevel == w.compressionLevel
                && compressionLibrary.equals(w.compressionLibrary) && fsync == w.fsync
                && monotonicPolicy == w.monotonicPolicy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, metadata, metadataJson, compressionLevel, compressionLibrary, fsync, monotonicPolicy);
    }

    @Override
    public String toString() {
        return "WriteOptions[" + mode + ", " + compressionLibrary + " level " + compressionLevel
                + (fsync ? ", fsync" : "") + ", monotonic " + monotonicPolicy + "]";
    }

    /** Builds {@link WriteOptions}; values are checked by {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private WriteMode mode = WriteMode.CREATE;
        private BatteryMetadata metadata;
        private String metadataJson;
        private int compressionLevel;
        private String compressionLibrary = "zlib";
        private boolean fsync;
        private MonotonicPolicy monotonicPolicy = MonotonicPolicy.REFUSE;

        private Builder(BatteryMetadata metadata) {
            this.metadata = metadata;
        }

        /** Create (the default), overwrite or append. */
        public Builder mode(WriteMode m) {
            this.mode = m;
            return this;
        }

        /** The battery metadata stored on the root. */
        public Builder metadata(BatteryMetadata m) {
            this.metadata = m;
            return this;
        }

        /** Metadata text stored verbatim instead of the metadata's JSON ({@code null}: use the metadata). */
        public Builder metadataJson(String json) {
            this.metadataJson = json;
            return this;
        }

        /** Compression level 0-9 and library ({@code zlib}, {@code blosc:lz4}, ...); default none. */
        public Builder compression(int level, String library) {
            this.compressionLevel = level;
            this.compressionLibrary = library;
            return this;
        }

        /** Force data to the device at each flush (default false). */
        public Builder fsync(boolean sync) {
            this.fsync = sync;
            return this;
        }

        /**
         * What appends do to rows that would make a column declared monotonic decrease (default
         * {@link MonotonicPolicy#REFUSE}).
         */
        public Builder monotonicPolicy(MonotonicPolicy policy) {
            this.monotonicPolicy = policy;
            return this;
        }

        /**
         * The options.
         *
         * @throws InvalidUseException when the level is outside 0-9
         */
        public WriteOptions build() {
            return new WriteOptions(this);
        }
    }
}
