package io.battdat.hdf5.write;

import io.battdat.api.ErrorLocation;
import io.battdat.api.SchemaViolationException;
import io.battdat.api.UnsupportedFeatureException;
import io.battdat.api.schema.ColumnSchema;
import io.battdat.hdf5.ObjectHeaderV1;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Clears the {@code monotonic} declaration of columns in the column schema of a table whose header is already in
 * the file (docs/commit-protocol.md section 7).
 *
 * <p>The schema lives in the fixed-size string attribute {@code metadata} of the table's header (what readers use);
 * battdat's own writer also keeps a pickled copy in {@code json_schema} (PyTables' files hold an unrelated stub there,
 * left alone). Growing an attribute would mean moving header messages, which is not
 * crash-safe without relinking the table, so the new text is made to fit the old bytes exactly: the schema is written
 * compactly with {@code "monotonic":false} for the cleared columns, {@code "units":null} is left out where the text
 * would otherwise be longer (null is the format's default for units), and the rest is padded with JSON whitespace.
 * Each attribute value is then overwritten in place by one write: the pickled copy first, {@code metadata} last, so
 * a process killed at any instant leaves either schema readable. When the new text cannot fit, the rewrite is
 * refused with a message saying how to get a file without the declaration.
 */
final class MonotonicDeclaration {
    private MonotonicDeclaration() {
    }

    /** The schema with {@code monotonic} false for the named columns. */
    static ColumnSchema cleared(ColumnSchema schema, Set<String> columns) {
        return schema.withMonotonicCleared(columns);
    }

    /** Rewrites the stored schema of the table whose header is at {@code header}. */
    static void clearInPlace(Hdf5Channel channel, Path file, String table, long header, Set<String> columns) {
        List<ObjectHeaderV1.Message> messages = channel.readHeader(header, table);
        Attribute metadata = find(messages, "metadata");
        if (metadata == null) {
            throw new SchemaViolationException(ErrorLocation.of(file, table),
                    "the table has no 'metadata' attribute to rewrite", null);
        }
        String oldText = new String(metadata.value(), StandardCharsets.UTF_8).replaceAll("\0+$", "");
        ColumnSchema schema;
        try {
            schema = ColumnSchema.fromJson(oldText);
        } catch (SchemaViolationException e) {
            throw new SchemaViolationException(ErrorLocation.of(file, table), e.getMessage(), e);
        }
        byte[] text = fit(cleared(schema, columns).toJson(), metadata.size, ' ');
        if (text == null) {
            throw refusal(file, table, columns, "the schema text would not fit its attribute");
        }
        Attribute pickled = find(messages, "json_schema");
        byte[] pickle = null;
        if (pickled != null && !new String(pickled.value(), StandardCharsets.ISO_8859_1).contains("\"monotonic\"")) {
            pickled = null; // PyTables' files hold a pickled JSON-schema stub there, not a copy of the column schema
        }
        if (pickled != null) {
            // keep the flavour PyTables or Python wrote: a binary pickle (protocol 2+) stays binary, and is shorter
            pickle = pickled.value()[0] == (byte) 0x80 ? binaryPickle(text)
                    : PickleProtocol0.dumps(new String(text, StandardCharsets.UTF_8));
            if (pickle.length > pickled.size) {
                throw refusal(file, table, columns, "the pickled copy of the schema would not fit its attribute");
            }
            // bytes after the pickle's STOP opcode are ignored by unpickling, and trailing NULs by PyTables
            pickle = Arrays.copyOf(pickle, pickled.size);
        }
        if (pickle != null) {
            channel.write(pickled.valueAddress, pickle);
            channel.barrier();
        }
        channel.write(metadata.valueAddress, text);
        channel.barrier();
    }

    /** A protocol 2 pickle of a str: PROTO 2, BINUNICODE (4-byte length, UTF-8), STOP. */
    static byte[] binaryPickle(byte[] utf8) {
        return new Bytes().u8(0x80).u8(2).u8('X').u32(utf8.length).bytes(utf8).u8('.').toArray();
    }

    /** The JSON as bytes of exactly {@code size}, padded with whitespace, or null when it cannot fit. */
    static byte[] fit(String json, int size, char pad) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        if (b.length > size) {
            // quotes inside strings are escaped, so this matches only the key itself
            b = json.replace(",\"units\":null,", ",").getBytes(StandardCharsets.UTF_8);
        }
        if (b.length > size) {
            return null;
        }
        byte[] out = Arrays.copyOf(b, size);
        Arrays.fill(out, b.length, size, (byte) pad);
        return out;
    }

    private static UnsupportedFeatureException refusal(Path file, String table, Set<String> columns, String why) {
        return new UnsupportedFeatureException(ErrorLocation.of(file, table),
                "cannot clear the monotonic declaration of " + columns
                + " in place: " + why + "; copy the file to a new one with --allow-non-monotonic (API: "
                + "MonotonicPolicy.CLEAR_DECLARATION), where the schema is written fresh, then append to the copy",
                null);
    }

    private record Attribute(long valueAddress, int size, ByteBuffer data) {
        byte[] value() {
            byte[] b = new byte[size];
            data.get(AttributeMessage.valueOffset(data), b);
            return b;
        }
    }

    /** A fixed-size string attribute of a version 1 message, or null. */
    private static Attribute find(List<ObjectHeaderV1.Message> messages, String name) {
        for (ObjectHeaderV1.Message m : messages) {
            if (m.type() != AttributeMessage.TYPE || !AttributeMessage.name(m.data()).equals(name)) {
                continue;
            }
            ByteBuffer d = m.data();
            if ((d.get(0) & 0xff) != 1) {
                return null;
            }
            int typeAt = 8 + Bytes.pad8(d.getShort(2) & 0xffff);
            if ((d.get(typeAt) & 0x0f) != 3) {
                return null; // not a fixed-length string
            }
            int size = d.getInt(typeAt + 4);
            int at = AttributeMessage.valueOffset(d);
            if (size <= 0 || at + size > d.limit()) {
                return null;
            }
            return new Attribute(m.dataAddress() + at, size, d);
        }
        return null;
    }
}
