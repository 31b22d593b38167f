package io.battdat.api.spi;

/** What a writer does with an existing file. */
public enum WriteMode {
    /** Fail when the file exists. */
    CREATE,
    /** Replace an existing file (the new file is written under a temporary name, then renamed). */
    OVERWRITE,
    /** Open an existing file (or create it) and add rows and tables to it. */
    APPEND
}
