package io.battdat.api.parse;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The files of one cell, in reading order, and the cell's name (the battdat metadata {@code name} when the user
 * gives none, and the default prefix when several cells go into one file).
 *
 * @param name  the cell's name, never empty
 * @param files the files, at least one
 */
public record CellFiles(String name, List<Path> files) {
    public CellFiles {
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
        if (name.isEmpty() || files.isEmpty()) {
            throw new IllegalArgumentException("a cell needs a name and at least one file");
        }
    }

    /** One file as its own cell, named after the file without its extension. */
    public static CellFiles of(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return new CellFiles(dot > 0 ? n.substring(0, dot) : n, List.of(file));
    }
}
