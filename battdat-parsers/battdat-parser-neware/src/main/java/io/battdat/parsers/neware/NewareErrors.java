package io.battdat.parsers.neware;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipException;

/** The exceptions of this parser, each naming the file (and the zip member) and what was not understood. */
final class NewareErrors {
    static final String TABLE = "raw_data";

    private NewareErrors() {
    }

    /** A file (or member) whose bytes do not follow the layout. */
    static BadFormatException bad(Path file, String member, String what) {
        return new BadFormatException(ErrorLocation.of(file, TABLE), where(member) + what, null);
    }

    /**
     * A record whose current range is not one of Neware's: reported as a bad line (skipped with
     * {@code --skip-bad-lines}, else the error).
     */
    static BadFormatException badRange(Path file, String member, long index, int range) {
        return new BadFormatException(ErrorLocation.of(file, TABLE, index),
                where(member) + "unknown current range " + range
                + " in record " + index + " (a damaged record?)", null);
    }

    /**
     * A read failure: inside a zip member it is the archive's damage (a bad deflate stream, a short member), so a
     * format error; on the file itself an access error.
     */
    static RuntimeException io(Path file, String member, IOException e) {
        if (member != null || e instanceof ZipException || e instanceof EOFException) {
            return new BadFormatException(ErrorLocation.of(file, TABLE),
                    where(member) + "damaged data (" + e.getMessage() + ")", e);
        }
        return new FileAccessException(ErrorLocation.of(file, TABLE), "cannot read: " + e.getMessage(), e);
    }

    private static String where(String member) {
        return member == null ? "" : "member " + member + ": ";
    }
}
