package io.battdat.hdf5;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.UnsupportedFeatureException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A version 1 Data Object Header (IV.A.1.a), read and written: a 16-byte prefix (version 1, message count,
 * reference count, header size), then each message as type, size (padded to 8), flags and data. Reading follows
 * continuation chunks and gives the file address of each message's data: what the appending writer updates in place
 * and what a follower re-reads on every poll (the current size of a table). jHDF parses headers too, but does not
 * give addresses. The writer builds new headers with {@link #encoder()}, all messages in one chunk.
 *
 * <p>Internal to battdat-hdf5: public only because its writer package shares it; not an API.
 */
public final class ObjectHeaderV1 {
    /** Far above any header PyTables writes; a larger length field is damage, not a reason to allocate. */
    private static final int MAX_CHUNK = 1 << 24;

    /**
     * One message.
     *
     * @param type        the message type
     * @param dataAddress where its data starts, relative to the base address
     * @param data        its data (the padded size), little-endian
     */
    public record Message(int type, long dataAddress, ByteBuffer data) {
    }

    /** Header message types (File Format Specification IV.A.2), the numbers every message is stored with. */
    public static final class MessageType {
        /** Dataspace (IV.A.2.b): rank and current and maximum dimensions. */
        public static final int DATASPACE = 0x0001;
        /** Datatype (IV.A.2.d). */
        public static final int DATATYPE = 0x0003;
        /** Fill Value (IV.A.2.f). */
        public static final int FILL_VALUE = 0x0005;
        /** Data Layout (IV.A.2.i): where the data or its chunk index is. */
        public static final int LAYOUT = 0x0008;
        /** Filter Pipeline (IV.A.2.l). */
        public static final int FILTER_PIPELINE = 0x000B;
        /** Attribute (IV.A.2.m). */
        public static final int ATTRIBUTE = 0x000C;
        /** Object Header Continuation (IV.A.2.q): the address and length of the header's next chunk. */
        public static final int CONTINUATION = 0x0010;
        /** Symbol Table (IV.A.2.r): a version 1 group's B-tree and local heap addresses. */
        public static final int SYMBOL_TABLE = 0x0011;
        /** Object Modification Time (IV.A.2.s). */
        public static final int MODIFICATION_TIME = 0x0012;

        private MessageType() {
        }
    }

    private ObjectHeaderV1() {
    }

    /** A new, empty header to add messages to. */
    public static Encoder encoder() {
        return new Encoder();
    }

    /** Builds a version 1 header whose messages all stand in its first (only) chunk. */
    public static final class Encoder {
        private static final int PREFIX = 16;
        private static final int MESSAGE_PREFIX = 8;
        private static final int CONSTANT = 1;

        private record Pending(int type, byte[] data, boolean constant) {
        }

        private final List<Pending> messages = new ArrayList<>();

        private Encoder() {
        }

        /**
         * Adds a message.
         *
         * @param type     its {@link MessageType}
         * @param data     its data, padded here to a multiple of 8 bytes
         * @param constant the "constant" flag, which HDF5 sets on datatype, fill value and filter pipeline messages
         */
        public Encoder add(int type, byte[] data, boolean constant) {
            messages.add(new Pending(type, data, constant));
            return this;
        }

        /** The header's bytes: the prefix, then every message added, in order. */
        public byte[] encode() {
            int body = 0;
            for (Pending m : messages) {
                body += MESSAGE_PREFIX + padded(m.data().length);
            }
            ByteBuffer b = ByteBuffer.allocate(PREFIX + body).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 1).put((byte) 0).putShort((short) messages.size()).putInt(1).putInt(body).putInt(0);
            for (Pending m : messages) {
                int size = padded(m.data().length);
                b.putShort((short) m.type()).putShort((short) size).put((byte) (m.constant() ? CONSTANT : 0));
                b.position(b.position() + 3).put(m.data()).position(b.position() + size - m.data().length);
            }
            return b.array();
        }

        private static int padded(int n) {
            return (n + 7) & ~7;
        }
    }

    /**
     * Reads every message of the header at {@code address}.
     *
     * @param object names the object in error messages
     * @throws UnsupportedFeatureException for a version 2 header
     * @throws BadFormatException          for a damaged one
     */
    public static List<Message> read(Path file, FileChannel channel, long base, long address, String object) {
        ByteBuffer prefix = read(file, channel, base, address, 16);
        int version = prefix.get(0) & 0xff;
        if (version != 1) {
            throw new UnsupportedFeatureException(ErrorLocation.of(file, object),
                    "the object header at " + address + " has version "
                    + (prefix.get(0) == 'O' ? "2" : String.valueOf(version)) + "; PyTables' version 1 is expected",
                    null);
        }
        int count = prefix.getShort(2) & 0xffff;
        List<Message> messages = new ArrayList<>();
        List<long[]> chunks = new ArrayList<>();
        chunks.add(new long[]{address + 16, prefix.getInt(8) & 0xffffffffL});
        Set<Long> seen = new HashSet<>();
        for (int c = 0; c < chunks.size() && messages.size() < count; c++) {
            long start = chunks.get(c)[0];
            long length = chunks.get(c)[1];
            if (length < 0 || length > MAX_CHUNK || !seen.add(start)) {
                throw new BadFormatException(ErrorLocation.of(file, object),
                        "corrupt object header at " + address + ": chunk at "
                        + start + " of " + length + " bytes", null);
            }
            ByteBuffer chunk = read(file, channel, base, start, (int) length);
            int p = 0;
            while (p + 8 <= length && messages.size() < count) {
                int type = chunk.getShort(p) & 0xffff;
                int size = chunk.getShort(p + 2) & 0xffff;
                if (p + 8 + size > length) {
                    throw new BadFormatException(ErrorLocation.of(file, object), "corrupt object header at " + address
                            + ": message of " + size + " bytes overruns its chunk", null);
                }
                ByteBuffer data = chunk.slice(p + 8, size).order(ByteOrder.LITTLE_ENDIAN);
                messages.add(new Message(type, start + p + 8, data));
                if (type == MessageType.CONTINUATION) {
                    chunks.add(new long[]{data.getLong(0), data.getLong(8)});
                }
                p += 8 + size;
            }
        }
        return messages;
    }

    /** The first message of a type, or null. */
    public static Message find(List<Message> messages, int type) {
        for (Message m : messages) {
            if (m.type() == type) {
                return m;
            }
        }
        return null;
    }

    /** The current size of a rank-1 dataspace (its dims[0]), or -1 when the header has no dataspace. */
    static long currentSize(List<Message> messages) {
        Message space = find(messages, MessageType.DATASPACE);
        if (space == null || space.data().limit() < 16) {
            return -1;
        }
        return space.data().getLong(currentSizeOffset(space.data()));
    }

    /**
     * The chunk index address of the header's Data Layout Message when it is version 3 chunked (a version 1 B-tree),
     * else -1.
     */
    public static long chunkIndexRoot(List<Message> messages) {
        Message layout = find(messages, MessageType.LAYOUT);
        return layout != null && isChunkedV3(layout.data()) ? chunkIndexAddress(layout.data()) : -1;
    }

    /** Offset of dims[0] in a Dataspace Message's data (version 1: 8, version 2: 4): what an append moves. */
    public static int currentSizeOffset(ByteBuffer dataspace) {
        return (dataspace.get(0) & 0xff) == 1 ? 8 : 4;
    }

    /** Whether a Data Layout Message is version 3 with chunked storage, whose index is a version 1 B-tree. */
    public static boolean isChunkedV3(ByteBuffer layout) {
        return layout.limit() >= 11 && layout.get(0) == 3 && layout.get(1) == 2;
    }

    /** The chunk index address of a version 3 chunked Data Layout Message (undefined: all ones). */
    public static long chunkIndexAddress(ByteBuffer layout) {
        return layout.getLong(3);
    }

    /**
     * Reads {@code length} bytes at an address (relative to {@code base}), little-endian; a structure that ends past
     * the end of the file is a format error naming it.
     */
    public static ByteBuffer read(Path file, FileChannel channel, long base, long address, int length) {
        if (address < 0 || base + address < 0 || length < 0 || length > MAX_CHUNK) {
            throw new BadFormatException(ErrorLocation.of(file),
                    "a structure of " + length + " bytes at address " + address
                    + " lies outside the file: damaged metadata", null);
        }
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        try {
            long p = base + address;
            while (b.hasRemaining()) {
                int n = channel.read(b, p);
                if (n < 0) {
                    throw new BadFormatException(ErrorLocation.of(file),
                            "truncated HDF5 file: a structure at address " + address
                            + " of " + length + " bytes ends past the end of the file", null);
                }
                p += n;
            }
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(file),
                    "cannot read at address " + address + ": " + e.getMessage(), e);
        }
        return b.flip();
    }
}
