package io.battdat.api.spi;

import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** {@link RandomAccessSource#ofFile(Path)}: positional reads of a file channel. */
final class LocalFileSource implements RandomAccessSource {
    private final Path file;
    private final FileChannel channel;
    private final long size;

    private LocalFileSource(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    static LocalFileSource open(Path file) {
        java.util.Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new FileAccessException(ErrorLocation.of(file), "is a directory, not a file", null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            return new LocalFileSource(file, channel, channel.size());
        } catch (NoSuchFileException e) {
            throw new FileAccessException(ErrorLocation.of(file), "no such file", e);
        } catch (AccessDeniedException e) {
            throw new FileAccessException(ErrorLocation.of(file), "permission denied", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new FileAccessException(ErrorLocation.of(file), "cannot open: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignore) {
            // the open error matters more
        }
    }

    @Override
    public String name() {
        return file.toString();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void readFully(long position, ByteBuffer into) {
        try {
            long at = position;
            while (into.hasRemaining()) {
                int n = channel.read(into, at);
                if (n < 0) {
                    throw new FileAccessException(ErrorLocation.of(file), "file ends at byte " + at + ", before byte "
                            + (at + into.remaining()), null);
                }
                at += n;
            }
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(file),
                    "cannot read bytes " + position + "..: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Path> localPath() {
        return Optional.of(file);
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    @Override
    public String toString() {
        return "LocalFileSource[" + file + "]";
    }
}
