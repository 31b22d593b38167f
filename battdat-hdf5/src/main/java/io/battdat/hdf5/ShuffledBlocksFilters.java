package io.battdat.hdf5;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ShuffledBlocksFilter}s and {@link ShuffledBlocksEncoder}s codec modules have registered, by filter id.
 * jHDF instantiates a codec's {@code io.jhdf.filter.Filter} through its own {@code ServiceLoader} before the reader or
 * writer looks a filter up, and that is when the codec registers its block decoder and encoder; this keeps jHDF's
 * loading the only discovery mechanism.
 */
public final class ShuffledBlocksFilters {
    private static final Map<Integer, ShuffledBlocksFilter> BY_ID = new ConcurrentHashMap<>();
    private static final Map<Integer, ShuffledBlocksEncoder> ENCODERS = new ConcurrentHashMap<>();

    private ShuffledBlocksFilters() {
    }

    /** Makes {@code filter} the block decoder for its filter id, replacing an earlier one. */
    public static void register(ShuffledBlocksFilter filter) {
        BY_ID.put(filter.filterId(), filter);
    }

    /** The block decoder registered for {@code filterId}, or null. */
    public static ShuffledBlocksFilter find(int filterId) {
        return BY_ID.get(filterId);
    }

    /** Makes {@code encoder} the block encoder for its filter id, replacing an earlier one. */
    public static void registerEncoder(ShuffledBlocksEncoder encoder) {
        ENCODERS.put(encoder.filterId(), encoder);
    }

    /** The block encoder registered for {@code filterId}, or null. */
    public static ShuffledBlocksEncoder findEncoder(int filterId) {
        return ENCODERS.get(filterId);
    }
}
