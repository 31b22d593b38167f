package io.battdat.hdf5.codecs;

/**
 * Upper bounds on how much memory a single decoded chunk may claim.
 *
 * <p>Compressed chunks carry their own size claims (a blosc header's {@code nbytes}, the length a bzip2 or lzo
 * stream expands to). A corrupt or hostile chunk must not make the reader allocate gigabytes, so every decoder
 * caps its output at {@link #maxChunkBytes()} unless the filter parameters give a tighter, exact bound.
 *
 * <p>The default cap is the smaller of the largest Java array ({@value #MAX_ARRAY_LENGTH} bytes) and a quarter of
 * the maximum heap; it can be overridden with the system property {@value #MAX_CHUNK_BYTES_PROPERTY}.
 */
public final class DecodeLimits {

    /** Largest array length the JVM reliably allocates (2^31 - 9). */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /** System property that overrides the default decoded chunk size cap, in bytes. */
    public static final String MAX_CHUNK_BYTES_PROPERTY = "io.battdat.hdf5.codecs.maxChunkBytes";

    private static final long MIN_DEFAULT_CAP = 16L * 1024 * 1024;

    private DecodeLimits() {
    }

    /**
     * The largest decoded chunk any filter of this module will produce.
     *
     * @return the cap in bytes, between 1 and {@value #MAX_ARRAY_LENGTH}
     */
    public static int maxChunkBytes() {
        String configured = System.getProperty(MAX_CHUNK_BYTES_PROPERTY);
        if (configured != null) {
            try {
                long value = Long.parseLong(configured.trim());
                if (value > 0) {
                    return (int) Math.min(value, MAX_ARRAY_LENGTH);
                }
            } catch (NumberFormatException ignored) {
                // an unusable override falls back to the default rather than disabling the protection
            }
        }
        long quarterHeap = Runtime.getRuntime().maxMemory() / 4;
        return (int) Math.min(MAX_ARRAY_LENGTH, Math.max(MIN_DEFAULT_CAP, quarterHeap));
    }
}
