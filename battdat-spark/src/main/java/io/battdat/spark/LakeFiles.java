package io.battdat.spark;

import io.battdat.api.spi.StorageProvider;
import io.battdat.streaming.StorageRegistry;

import io.battdat.api.ErrorLocation;
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
 * file sources do ({@code _SUCCESS}, temporary files). URIs of other file systems ({@code hdfs://}, {@code s3a://})
 * are listed through the engine's {@link StorageProvider} for their scheme (battdat-hadoop, with the job's
 * configuration), by the same rules.
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
    static List<String> list(List<String> patterns, Collection<String> extensions, StorageRegistry registry) {
        if (patterns.isEmpty()) {
            throw new io.battdat.api.InvalidUseException("no path given: use load(path) or option(\"path\", ...)");
        }
        TreeSet<String> remote = new TreeSet<>();
        TreeSet<Path> files = new TreeSet<>();
        for (String pattern : patterns) {
            if (isRemote(pattern)) {
                remote.addAll(listRemote(pattern, extensions, registry));
                continue;
            }
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
                    throw new FileAccessException(ErrorLocation.of(p), "no such file or directory", null);
                }
            }
        }
        List<String> out = new ArrayList<>();
        files.forEach(p -> out.add(p.toString()));
        out.addAll(remote);
        return out;
    }

    /** Whether a pattern is a URI of a file system other than the local one. */
    static boolean isRemote(String pattern) {
        return StorageRegistry.isUri(pattern) && !pattern.regionMatches(true, 0, "file:", 0, 5);
    }

    /** The path exceptions are located at: the file itself when local, its file name for a URI (see {@link #at}). */
    static Path errorPath(String file) {
        if (!isRemote(file)) {
            return Path.of(file);
        }
        String name = file.substring(file.lastIndexOf('/') + 1);
        return Path.of(name.isEmpty() ? "remote" : name);
    }

    /** An error naming a URI as the user wrote it (a no-op for local files). */
    static io.battdat.api.BattdatException at(io.battdat.api.BattdatException e, String file) {
        return isRemote(file) ? e.withLocation(file) : e;
    }

    private static List<String> listRemote(String pattern, Collection<String> extensions, StorageRegistry registry) {
        StorageProvider storage = registry.storageFor(pattern);
        List<String> found;
        String base;
        if (isGlob(pattern)) {
            found = storage.list(pattern);
            base = pattern.substring(0, pattern.lastIndexOf('/', firstGlob(pattern)) + 1);
        } else {
            base = pattern.endsWith("/") ? pattern : pattern + "/";
            List<String> below = storage.list(base + "**/*");
            if (!below.isEmpty()) {
                found = below.stream().filter(f -> hasExtension(f, extensions)).toList();
            } else if (storage.exists(pattern)) {
                return List.of(pattern);
            } else {
                throw new FileAccessException(ErrorLocation.NONE,
                        "no such file or directory", null).withLocation(pattern);
            }
        }
        String prefix = base;
        List<String> visible = found.stream().filter(f -> !hiddenBelow(prefix, f)).toList();
        if (visible.isEmpty()) {
            throw new FileAccessException(ErrorLocation.NONE, "no file matches", null).withLocation(pattern);
        }
        return visible;
    }

    private static int firstGlob(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }

    private static boolean hiddenBelow(String base, String file) {
        String relative = file.startsWith(base) ? file.substring(base.length()) : file;
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasExtension(String file, Collection<String> extensions) {
        String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && extensions.contains(name.substring(dot + 1));
    }

    /** A path without its {@code file:} scheme; other schemes are refused. */
    static String localPath(String pattern) {
        int colon = pattern.indexOf(':');
        int slash = pattern.indexOf('/');
        if (colon > 1 && (slash < 0 || colon < slash)) {
            String scheme = pattern.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!scheme.equals("file")) {
                throw new UnsupportedFeatureException(ErrorLocation.NONE,
                        pattern + ": only local or mounted paths can be"
                        + " read (the battdat engine opens files, not " + scheme + ":// URIs)", null);
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
            throw new FileAccessException(ErrorLocation.of(root), "no file matches " + pattern, null);
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
            throw new FileAccessException(ErrorLocation.of(root), "cannot list: " + e.getMessage(), e);
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
