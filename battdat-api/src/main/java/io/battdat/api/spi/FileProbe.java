package io.battdat.api.spi;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * What the engine shows a provider to decide whether it can open a path: the path, whether it is a directory,
 * and the file's leading bytes (up to {@link #HEAD_BYTES}; empty for directories and empty files).
 *
 * @param path      the path asked about
 * @param directory whether the path is a directory
 * @param head      the first bytes of the file
 */
public record FileProbe(Path path, boolean directory, byte[] head) {
    /** How many leading bytes the engine reads: enough for an HDF5 signature at 0, 512, 1024 or 2048. */
    public static final int HEAD_BYTES = 4096;

    public FileProbe {
        head = head == null ? new byte[0] : head.clone();
    }

    @Override
    public byte[] head() {
        return head.clone();
    }

    /** Whether {@code signature} occurs at {@code offset} in the head. */
    public boolean hasBytesAt(int offset, byte[] signature) {
        if (offset < 0 || offset + signature.length > head.length) {
            return false;
        }
        return Arrays.equals(head, offset, offset + signature.length, signature, 0, signature.length);
    }

    /** The lower-cased file name extension without the dot, or "" when none. */
    public String extension() {
        Path name = path.getFileName();
        String s = name == null ? "" : name.toString();
        int dot = s.lastIndexOf('.');
        return dot < 0 ? "" : s.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileProbe p && path.equals(p.path) && directory == p.directory && Arrays.equals(head, p.head);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(head);
    }

    @Override
    public String toString() {
        return "FileProbe[" + path + (directory ? ", directory" : ", " + head.length + " bytes") + "]";
    }
}
