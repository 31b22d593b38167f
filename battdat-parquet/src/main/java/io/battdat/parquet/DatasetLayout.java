package io.battdat.parquet;

import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.spi.FolderSource;

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
    record TableFile(ParquetInput file, String prefix, String name) {
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
            return List.of(singleFile(ParquetInput.local(path), path.getFileName().toString()));
        }
        List<TableFile> out = new ArrayList<>();
        for (Path f : parquetFiles(path)) {
            out.add(new TableFile(ParquetInput.local(f), null, stem(f.getFileName().toString())));
        }
        for (Path cell : list(path)) {
            if (Files.isDirectory(cell) && !hidden(cell.getFileName().toString())) {
                for (Path f : parquetFiles(cell)) {
                    out.add(new TableFile(ParquetInput.local(f), cell.getFileName().toString(),
                            stem(f.getFileName().toString())));
                }
            }
        }
        return out;
    }

    /** A file opened on its own: a dataset of one table, named by the last dotted part of the file's stem. */
    static TableFile singleFile(ParquetInput file, String fileName) {
        String stem = stem(fileName);
        return new TableFile(file, null, stem.substring(stem.lastIndexOf('.') + 1));
    }

    /**
     * The tables of a folder reached through a storage provider, by the rules of a local directory: root tables,
     * then each cell's (one folder level down), by name; hidden names skipped. Two listings, no file read.
     */
    static List<TableFile> tables(FolderSource folder) {
        List<TableFile> out = new ArrayList<>();
        for (String name : folder.list("*")) {
            if (isTableFileName(name)) {
                out.add(new TableFile(ParquetInput.inFolder(folder, name), null, stem(name)));
            }
        }
        for (String name : folder.list("*/*")) {
            int slash = name.indexOf('/');
            String cell = name.substring(0, slash);
            String file = name.substring(slash + 1);
            if (!hidden(cell) && isTableFileName(file)) {
                out.add(new TableFile(ParquetInput.inFolder(folder, name), cell, stem(file)));
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
            if (Files.isDirectory(cell) && !hidden(cell.getFileName().toString()) && !parquetFiles(cell).isEmpty()) {
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

    static String stem(String fileName) {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(EXTENSION)
                ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
    }

    private static boolean hidden(String name) {
        return name.startsWith(".");
    }

    /** A table's file: {@code *.parquet} in any case, not hidden (a writer's unfinished file). */
    private static boolean isTableFileName(String name) {
        return !hidden(name) && name.toLowerCase(java.util.Locale.ROOT).endsWith(EXTENSION);
    }

    private static List<Path> parquetFiles(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path p : list(dir)) {
            if (isTableFileName(p.getFileName().toString()) && Files.isRegularFile(p)) {
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
            throw new FileAccessException(ErrorLocation.of(dir), "cannot list the directory: " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }
}
