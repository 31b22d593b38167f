package io.battdat.hdf5.codecs;

import io.jhdf.exceptions.HdfFilterException;

/**
 * The pre-compression reordering blosc applies to each block; the codes are those of the hdf5-blosc filter's
 * {@code cd_values[5]} ({@code BLOSC_NOSHUFFLE}, {@code BLOSC_SHUFFLE}, {@code BLOSC_BITSHUFFLE}).
 */
public enum ShuffleMode {
    /** Bytes are compressed in their original order. */
    NONE(0),
    /** Byte {@code j} of every element is grouped together (header flag 0x1). */
    BYTE(1),
    /** Bit {@code b} of byte {@code j} of every element is grouped together (header flag 0x4). */
    BIT(2);

    private final int code;

    ShuffleMode(int code) {
        this.code = code;
    }

    /** The hdf5-blosc {@code doshuffle} code. */
    public int code() {
        return code;
    }

    /**
     * Looks up a mode by its hdf5-blosc {@code doshuffle} code.
     *
     * @throws HdfFilterException for codes other than 0, 1 and 2
     */
    public static ShuffleMode fromCode(int code) {
        return StoredCodes.find(values(), ShuffleMode::code, code,
                () -> "Unknown blosc shuffle code " + code + " (expected 0 none, 1 byte, 2 bit)");
    }
}
