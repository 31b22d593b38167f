package io.battdat.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an error happened: the file, the table (an HDF5 path such as {@code /cell_a/raw_data}, or a table key) and
 * the row, each optional. Every {@link BattdatException} is made with one, so the exception types need a single
 * constructor each: {@code new BadFormatException(ErrorLocation.of(file, "/raw_data", 17), "text", null)}.
 * Immutable; {@link #NONE} locates nothing (an error about the caller's arguments).
 */
public final class ErrorLocation {
    /** No file, no table, no row. */
    public static final ErrorLocation NONE = new ErrorLocation(null, null, -1);

    private final Path file;
    private final String table;
    private final long row;

    private ErrorLocation(Path file, String table, long row) {
        this.file = file;
        this.table = table;
        this.row = row;
    }

    /**
     * A file, without table or row.
     *
     * @param file the file concerned, or null when none
     * @return the location
     */
    public static ErrorLocation of(Path file) {
        return of(file, null, -1);
    }

    /**
     * A table of a file, without row.
     *
     * @param file  the file concerned, or null when none
     * @param table the table (HDF5 path or key) concerned, or null when none
     * @return the location
     */
    public static ErrorLocation of(Path file, String table) {
        return of(file, table, -1);
    }

    /**
     * A row of a table of a file.
     *
     * @param file  the file concerned, or null when none
     * @param table the table (HDF5 path or key) concerned, or null when none
     * @param row   the row concerned (0-based within the table), or -1 when none
     * @return the location
     */
    public static ErrorLocation of(Path file, String table, long row) {
        return file == null && table == null && row == -1 ? NONE : new ErrorLocation(file, table, row);
    }

    /**
     * This location in another table of the same file, without a row.
     *
     * @param table the table (HDF5 path or key) concerned, or null when none
     * @return the location
     */
    public ErrorLocation withTable(String table) {
        return of(file, table, -1);
    }

    /**
     * This location at a row of the same table.
     *
     * @param row the row concerned (0-based within the table), or -1 when none
     * @return the location
     */
    public ErrorLocation withRow(long row) {
        return of(file, table, row);
    }

    /** The file concerned, or null. */
    public Path file() {
        return file;
    }

    /** The table concerned (HDF5 path or key), or null. */
    public String table() {
        return table;
    }

    /** The row concerned (0-based within the table), or -1. */
    public long row() {
        return row;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorLocation other && row == other.row && Objects.equals(file, other.file)
                && Objects.equals(table, other.table);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, table, row);
    }

    /** The location as error messages put it in front of their text, such as {@code data.h5: /raw_data: row 17}. */
    @Override
    public String toString() {
        String prefix = prefix(file == null ? null : file.toString(), table, row);
        return prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 2);
    }

    /** The text error messages put in front: each part present followed by ": ", such as {@code data.h5: row 3: }. */
    static String prefix(String file, String table, long row) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file).append(": ");
        }
        if (table != null) {
            sb.append(table).append(": ");
        }
        if (row >= 0) {
            sb.append("row ").append(row).append(": ");
        }
        return sb.toString();
    }
}
