package io.battdat.parquet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A local file as parquet-java's {@link org.apache.parquet.io.SeekableInputStream}, reading in bulk. */
final class ChannelInputStream extends PositionalInputStream {
    private final FileChannel channel;

    ChannelInputStream(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    protected int readAt(long at, ByteBuffer buf) throws IOException {
        return channel.read(buf, at);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
