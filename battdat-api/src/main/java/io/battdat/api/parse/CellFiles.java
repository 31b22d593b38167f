package io.battdat.api.parse;

import io.battdat.api.InvalidUseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The files of one cell, in reading order, and the cell's name (the battdat metadata {@code name} when the user
 * gives none, and the default prefix when several cells go into one file); immutable. Made with {@link #of}; the
 * constructor is private so that the description can gain fields without breaking callers.
 */
public final class CellFiles {
    private final String name;
    private final List<Path> files;

    private CellFiles(String name, List<Path> files) {
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
        if (name.isEmpty() || files.isEmpty()) {
            throw new InvalidUseException("a cell needs a name and at least one file");
        }
        this.name = name;
        this.files = files;
    }

    /**
     * A cell.
     *
     * @param name  the cell's name, never empty
     * @param files the files in reading order, at least one (copied)
     * @throws InvalidUseException when the name is empty or there is no file
     */
    public static CellFiles of(String name, List<Path> files) {
        return new CellFiles(name, files);
    }

    /** The cell's name, never empty. */
    public String name() {
        return name;
    }

    /** The files in reading order, at least one, unmodifiable. */
    public List<Path> files() {
        return files;
    }

    /** A copy with another name. */
    public CellFiles withName(String newName) {
        return new CellFiles(newName, files);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CellFiles c && name.equals(c.name) && files.equals(c.files);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + files.hashCode();
    }

    /** The fields in the form a record would print them. */
    @Override
    public String toString() {
        return "CellFiles[name=" + name + ", files=" + files + "]";
    }

    /** One file as its own cell, named after the file without its extension. */
    public static CellFiles of(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return new CellFiles(dot > 0 ? n.substring(0, dot) : n, List.of(file));
    }

    /**
     * Groups files into cells: the files of one folder with the same stem (what {@code stem} takes from a file's
     * name; it throws for a name the format does not use) form one cell named after the stem. Cells come in the
     * order of their first file, the files of a cell in {@code order}.
     */
    public static List<CellFiles> byStem(List<Path> files, Function<Path, String> stem, Comparator<Path> order) {
        Map<Path, List<Path>> cells = new LinkedHashMap<>();
        for (Path f : files) {
            cells.computeIfAbsent(f.resolveSibling(stem.apply(f)), k -> new ArrayList<>()).add(f);
        }
        List<CellFiles> out = new ArrayList<>(cells.size());
        cells.forEach((key, list) -> {
            list.sort(order);
            out.add(new CellFiles(key.getFileName().toString(), list));
        });
        return out;
    }
}
