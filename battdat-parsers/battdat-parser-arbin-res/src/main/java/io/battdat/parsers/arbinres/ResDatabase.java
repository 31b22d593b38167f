package io.battdat.parsers.arbinres;

import com.healthmarketscience.jackcess.Cursor;
import com.healthmarketscience.jackcess.CursorBuilder;
import com.healthmarketscience.jackcess.Database;
import com.healthmarketscience.jackcess.DatabaseBuilder;
import com.healthmarketscience.jackcess.Row;
import com.healthmarketscience.jackcess.Table;
import com.healthmarketscience.jackcess.impl.UnsupportedCodecException;
import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An Arbin {@code .res} file opened read-only through Jackcess, with the checks that make a bad file fail in one
 * line: not an Access database, an encrypted or password-protected one, one without Arbin's tables. Every
 * Jackcess failure is turned into a {@link BadFormatException} naming the file (see {@link #failure}).
 */
final class ResDatabase implements AutoCloseable {
    static final String GLOBAL = "Global_Table";
    static final String NORMAL = "Channel_Normal_Table";
    static final String AUX = "Auxiliary_Table";
    static final String AUX_GLOBAL = "Aux_Global_Data_Table";
    static final String STATISTIC = "Channel_Statistic_Table";
    static final String TEST_ID = "Test_ID";
    static final String DATA_POINT = "Data_Point";

    private final Path file;
    private final Database db;
    private final long fileSize;
    private List<Row> tests;

    private ResDatabase(Path file, Database db, long fileSize) {
        this.file = file;
        this.db = db;
        this.fileSize = fileSize;
    }

    /** Opens the file and checks that it is an Arbin results database. */
    static ResDatabase open(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new FileAccessException(ErrorLocation.of(file), "no such file", null);
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(file), "cannot read: " + e.getMessage(), e);
        }
        Database db;
        try {
            db = new DatabaseBuilder(file.toFile()).setReadOnly(true).setAutoSync(false).open();
        } catch (IOException | RuntimeException e) {
            throw failure(file, null, "not a readable Access (Jet) database", e);
        }
        ResDatabase res = new ResDatabase(file, db, size);
        try {
            res.check();
        } catch (RuntimeException e) {
            res.close();
            throw e instanceof BattdatException b ? b : failure(file, null, "not a readable Access (Jet) database", e);
        }
        return res;
    }

    private void check() {
        try {
            if (db.getDatabasePassword() != null) {
                throw new BadFormatException(ErrorLocation.of(file),
                        "a password-protected Access database; Arbin result "
                        + "files have no password (remove it in Access first)", null);
            }
            Set<String> names = db.getTableNames();
            List<String> missing = new ArrayList<>();
            for (String required : List.of(GLOBAL, NORMAL)) {
                if (!names.contains(required)) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                throw new BadFormatException(ErrorLocation.of(file),
                        "an Access database without Arbin's tables (missing "
                        + String.join(", ", missing) + "): not an Arbin .res results file", null);
            }
        } catch (IOException e) {
            throw failure(file, null, "cannot read the database's table list", e);
        }
    }

    /** The table, or null when the file has none of that name. */
    Table table(String name) {
        try {
            return db.getTable(name);
        } catch (IOException | RuntimeException e) {
            throw failure(file, name, "cannot read the table's definition", e);
        }
    }

    /** The rows of Global_Table: one per test (a channel's run), with its name, channel, start and schedule. */
    List<Row> tests() {
        if (tests == null) {
            tests = readTests();
        }
        return tests;
    }

    private List<Row> readTests() {
        List<Row> rows = new ArrayList<>();
        Table global = table(GLOBAL);
        try {
            Cursor cursor = CursorBuilder.createCursor(global);
            Set<String> columns = ResTable.boundedColumns(global);
            Row r;
            while ((r = cursor.getNextRow(columns)) != null) {
                rows.add(r);
                if (rows.size() > 100_000) {
                    throw new BadFormatException(ErrorLocation.of(file, GLOBAL),
                            "more than 100000 tests: the table is damaged", null);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw e instanceof BattdatException b ? b : failure(file, GLOBAL, "cannot read the test list", e);
        }
        if (rows.isEmpty()) {
            throw new BadFormatException(ErrorLocation.of(file, GLOBAL),
                    "no test recorded (Global_Table is empty)", null);
        }
        return rows;
    }

    /**
     * More records than this in one table cannot be genuine: each takes several bytes of a page. Reading stops there,
     * so a damaged page or index chain that loops ends in an error instead of running forever.
     */
    long maxRecords() {
        return fileSize / 4 + 1024;
    }

    Path file() {
        return file;
    }

    long fileSize() {
        return fileSize;
    }

    /**
     * A one-line {@link BadFormatException} for a Jackcess failure: Jackcess reports damage as IOExceptions and
     * as assorted runtime exceptions (index out of bounds, illegal state) whose message alone means little.
     */
    static BadFormatException failure(Path file, String table, String what, Throwable e) {
        if (e instanceof UnsupportedCodecException) {
            return new BadFormatException(ErrorLocation.of(file, table),
                    "an encrypted (encoded) Access database, which cannot be "
                    + "read without its password and a decryption codec", e);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse("");
        return new BadFormatException(ErrorLocation.of(file, table),
                what + " (damaged or truncated file? " + detail + ")", e);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (IOException | RuntimeException ignored) {
            // read-only: nothing to flush; a failure to close loses nothing
        }
    }
}
