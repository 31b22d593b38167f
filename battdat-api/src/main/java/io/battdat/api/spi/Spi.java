package io.battdat.api.spi;

/** Facts about the service-provider interface itself. */
public final class Spi {
    /**
     * Version of the SPI. Providers report the version they were built against; the registry refuses a
     * provider built for a newer SPI than the one running, naming the provider.
     */
    public static final int VERSION = 1;

    private Spi() {
    }
}
