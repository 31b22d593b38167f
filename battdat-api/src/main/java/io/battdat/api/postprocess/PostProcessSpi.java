package io.battdat.api.postprocess;

/** Facts about the post-processing SPI. */
public final class PostProcessSpi {
    /**
     * Version of the post-processing SPI. Plugins return the version they were compiled against from
     * {@code spiVersion()}; the engine refuses one built for a newer version, naming it.
     */
    public static final int VERSION = 1;

    private PostProcessSpi() {
    }
}
