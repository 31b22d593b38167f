package io.battdat.hdf5.codecs;

import io.battdat.hdf5.ShuffledBlocksFilters;

/**
 * The only class of this module that names battdat-hdf5 (an optional dependency): calling {@link #register()}
 * fails with a {@link LinkageError} when battdat-hdf5 is absent, which {@link BloscFilter} expects.
 */
final class BattdatReaderHook {
    private BattdatReaderHook() {
    }

    /** Registers the blosc block decoder with battdat-hdf5's reader and the block encoder with its writer. */
    static void register() {
        BloscShuffledBlocks blosc = new BloscShuffledBlocks();
        ShuffledBlocksFilters.register(blosc);
        ShuffledBlocksFilters.registerEncoder(blosc);
    }
}
