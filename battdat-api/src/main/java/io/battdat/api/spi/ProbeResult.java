package io.battdat.api.spi;

/** A provider's verdict on a {@link FileProbe}. The engine prefers SIGNATURE over EXTENSION. */
public enum ProbeResult {
    /** The content carries this format's signature. */
    SIGNATURE,
    /** Only the name suggests this format (a file too short to sniff, or a new file to be written). */
    EXTENSION,
    /** Not this format. */
    NO
}
