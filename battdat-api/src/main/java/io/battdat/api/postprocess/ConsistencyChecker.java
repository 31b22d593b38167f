package io.battdat.api.postprocess;

/**
 * Looks for signs of a wrong convention or bad data in a table (Python's {@code ConsistencyChecker}) while it
 * streams, and reports warnings as text. Stateless factory found with {@code ServiceLoader}.
 */
public interface ConsistencyChecker {

    /** The post-processing SPI version this implementation was built against; return {@link PostProcessSpi#VERSION}. */
    int spiVersion();

    /** A short unique name, such as {@code sign-convention}. */
    String name();

    /** Whether this checker looks at a table of this name (such as {@code raw_data}). */
    boolean checks(String tableName);

    /** A check of one table. */
    TableCheck start(TableContext context);
}
