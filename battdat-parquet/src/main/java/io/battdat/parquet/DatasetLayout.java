package io.battdat.parquet;

import io.battdat.api.FileAccessException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the tables of a Parquet dataset live (docs/format.md section 3, plus our extension for several cells):
 * <pre>
 *   DIR/raw_data.parquet              table raw_data            (battdat's layout: one file per table)
 *   DIR/cell_a/raw_data.parquet       table cell_a/raw_data     (our extension: one sub-directory per cell)
 * </pre>
 * A table's name is its file's stem, as Python names it. A single {@code .parquet} file opened on its own is a
 * dataset of one table; a stem with dots ({@code cell-1.raw_data.parquet}) names the table by its last part, so
 * a file exported next to an HDF5 file keeps the table name it has there. Names starting with a dot are
 * unfinished files of a writer and are skipped.
 */
final class DatasetLayout {
    static final String EXTENSION = ".parquet";

    /** One table file of a dataset. */
    record TableFile(Path file, String prefix, String name) {
        String key() {
            return prefix == null ? name : prefix + "/" + name;
        }

        String tablePath() {
            return "/" + key();
        }
    }

    private DatasetLayout() {
    }

    /** The tables of a dataset directory or single file, in walk order (root tables, then each cell's, by name). */
    static List<TableFile> tables(Path path) {
        if (!Files.isDirectory(path)) {
            String stem = stem(path);
            return List.of(new TableFile(path, null, stem.substring(stem.lastIndexOf('.') + 1)));
        }
        List<TableFile> out = new ArrayList<>();
        for (Path f : parquetFiles(path)) {
            out.add(new TableFile(f, null, stem(f)));
        }
        for (Path cell : list(path)) {
            if (Files.isDirectory(cell) && !hidden(cell)) {
                for (Path f : parquetFiles(cell)) {
                    out.add(new TableFile(f, cell.getFileName().toString(), stem(f)));
                }
            }
        }
        return out;
    }

    /** Whether a directory holds a table file, directly or in a cell sub-directory (one level). */
    static boolean holdsTables(Path dir) {
        if (!parquetFiles(dir).isEmpty()) {
            return true;
        }
        for (Path cell : list(dir)) {
            if (Files.isDirectory(cell) && !hidden(cell) && !parquetFiles(cell).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The file a table key is stored in under a dataset directory. */
    static Path fileFor(Path dir, String prefix, String name) {
        Path folder = prefix == null ? dir : dir.resolve(prefix);
        return folder.resolve(name + EXTENSION);
    }

    static String stem(Path file) {
        String n = file.getFileName().toString();
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(EXTENSION) ? n.substring(0, n.length() - EXTENSION.length())
                : n;
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static List<Path> parquetFiles(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path p : list(dir)) {
            String n = p.getFileName().toString();
            if (!hidden(p) && n.toLowerCase(java.util.Locale.ROOT).endsWith(EXTENSION) && Files.isRegularFile(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The entries of a directory sorted by name (the order does not depend on the file system). */
    static List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(out::add);
        } catch (IOException e) {
            throw new FileAccessException(dir, null, "cannot list the directory: " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }
}
