package io.battdat.api.parse;

import io.battdat.api.BadFormatException;
import io.battdat.api.data.TableLayout;
import io.battdat.api.schema.ColumnSchema;

/**
 * What the engine gives a {@link VendorParser} for one cell: the options, the tables to fill, and the channels for
 * progress, bad lines and warnings. Not thread-safe; used by the parsing thread only.
 */
public interface ParseContext {

    /** How to read. */
    ParseOptions options();

    /**
     * Declares a table of the cell ({@code raw_data}, {@code cycle_stats}, {@code eis_data}) and returns where its
     * rows go. Call once per table, before its first row; the engine derives the columns that {@code derive} asks
     * for ({@code raw_data} only) and writes the table in bounded memory.
     *
     * @param name   the table name
     * @param layout the columns the parser will write, in order
     * @param schema the table's column schema (with descriptions of the extra columns the parser keeps)
     * @param derive what the engine adds to these rows; {@link PostProcessing#none()} for tables other than
     *               {@code raw_data}
     * @throws IllegalStateException when the table was declared already
     */
    TableOutput table(String name, TableLayout layout, ColumnSchema schema, PostProcessing derive);

    /** Reports that {@code bytes} more input bytes were consumed (for progress display). */
    void progress(long bytes);

    /**
     * Reports a bad input line. When the options skip bad lines, it is counted (the first few line numbers are kept
     * for the summary) and this method returns; otherwise it throws {@code error}.
     *
     * @param error the located error (file, table and line in its message)
     * @throws BadFormatException {@code error}, unless bad lines are skipped
     */
    void badLine(BadFormatException error);

    /** A warning for the user about input that was read but is questionable (logged; printed by the CLI). */
    void warn(String message);
}
