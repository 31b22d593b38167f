package io.battdat.spark;

import io.battdat.api.FileAccessException;
import io.battdat.api.UnsupportedFeatureException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Turns the paths a user gives into the files to read: a file is itself; a directory is every file below it
 * with an extension some backend reads; a glob ({@code *}, {@code ?}, {@code [..]}, {@code {..}}) is every file
 * matching it, where {@code **} crosses directories and also matches none ({@code lake/**}{@code /*.h5} matches
 * {@code lake/a.h5}). Files and directories whose name starts with {@code .} or {@code _} are skipped, as Spark's
 * file sources do ({@code _SUCCESS}, temporary files). Only the local (or mounted) file system is read: the engine
 * opens {@link Path}s.
 */
final class LakeFiles {
    private LakeFiles() {
    }

    /**
     * The files to read, sorted and without duplicates.
     *
     * @param patterns   paths, directories or globs; {@code file:} URIs are accepted
     * @param extensions lower-case extensions (no dot) that directories are searched for
     * @throws FileAccessException          when a path does not exist or a glob matches nothing
     * @throws UnsupportedFeatureException for URIs of other file systems ({@code s3a://})
     */
    static List<Path> list(List<String> patterns, Collection<String> extensions) {
        if (patterns.isEmpty()) {
            throw new io.battdat.api.InvalidUseException("no path given: use load(path) or option(\"path\", ...)");
        }
        TreeSet<Path> files = new TreeSet<>();
        for (String pattern : patterns) {
            String local = localPath(pattern);
            if (isGlob(local)) {
                files.addAll(glob(local));
            } else {
                Path p = Path.of(local).toAbsolutePath().normalize();
                if (Files.isDirectory(p)) {
                    files.addAll(walk(p, file -> hasExtension(file, extensions)));
                } else if (Files.isRegularFile(p)) {
                    files.add(p);
                } else {
                    throw new FileAccessException(p, null, "no such file or directory");
                }
            }
        }
        return new ArrayList<>(files);
    }

    /** A path without its {@code file:} scheme; other schemes are refused. */
    static String localPath(String pattern) {
        int colon = pattern.indexOf(':');
        int slash = pattern.indexOf('/');
        if (colon > 1 && (slash < 0 || colon < slash)) {
            String scheme = pattern.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("file")) {
                throw new UnsupportedFeatureException(null, null, pattern + ": only local or mounted paths can be"
                        + " read (the battdat engine opens files, not " + scheme + ":// URIs)");
            }
            String rest = pattern.substring(colon + 1);
            return rest.startsWith("//") ? Path.of(URI.create(pattern)).toString() : rest;
        }
        return pattern;
    }

    private static boolean isGlob(String s) {
        for (char c : s.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    private static List<Path> glob(String pattern) {
        String full = pattern.startsWith("/") ? pattern : Path.of("").toAbsolutePath() + "/" + pattern;
        // the walk starts at the deepest directory that has no glob character
        String[] parts = full.split("/");
        StringBuilder base = new StringBuilder();
        for (String part : parts) {
            if (isGlob(part)) {
                break;
            }
            base.append(part).append('/');
        }
        Path root = Path.of(base.length() == 0 ? "/" : base.toString()).normalize();
        List<PathMatcher> matchers = new ArrayList<>();
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + full));
        if (full.contains("/**/")) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + full.replace("/**/", "/")));
        }
        List<Path> found = Files.isDirectory(root)
                ? walk(root, file -> matchers.stream().anyMatch(m -> m.matches(file)))
                : List.of();
        if (found.isEmpty()) {
            throw new FileAccessException(root, null, "no file matches " + pattern);
        }
        return found;
    }

    private interface Accept {
        boolean test(Path file);
    }

    private static List<Path> walk(Path root, Accept accept) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !hidden(root, p) && Files.isRegularFile(p) && accept.test(p))
                    .map(p -> p.toAbsolutePath().normalize())
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new FileAccessException(root, null, "cannot list: " + e.getMessage(), e);
        }
    }

    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            String name = part.toString();
            if (name.startsWith(".") || name.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasExtension(Path file, Collection<String> extensions) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && extensions.contains(name.substring(dot + 1));
    }
}
