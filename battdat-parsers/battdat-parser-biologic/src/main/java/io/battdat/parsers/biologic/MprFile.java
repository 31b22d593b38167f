package io.battdat.parsers.biologic;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The module structure of an EC-Lab {@code .mpr} file, read without reading the rows: the modules' headers, the few
 * facts of the settings and log modules, the loop starts, and where the data module's rows are. Every offset and
 * size read from the file is checked against the file's length before it is used, so a damaged file fails here
 * with a {@link BadFormatException} naming the file and never makes us allocate what it claims.
 */
final class MprFile {
    /** The file's first 52 bytes. */
    static final byte[] MAGIC = magic();
    private static final byte[] MODULE = "MODULE".getBytes(StandardCharsets.US_ASCII);
    /** Short name 10, long name 25, length 4, version 4, date 8 (older EC-Lab). */
    private static final int HEADER_V1 = 51;
    /** Short name 10, long name 25, 0xFFFFFFFF, length 4, version 4, another version 4, date 8 (EC-Lab 11.50+). */
    private static final int HEADER_V2 = 59;
    /** The loop module lists at most this many loop starts that we keep (a few kilobytes). */
    private static final int MAX_LOOPS = 1 << 20;

    /** One module's header. */
    record Module(String shortName, String longName, long version, String date, long dataOffset, long length) {
    }

    final Path file;
    final long fileLength;
    final List<Module> modules = new ArrayList<>();
    /** Facts of the settings and log modules, in a stable order (for metadata). */
    final Map<String, Object> facts = new LinkedHashMap<>();
    /** Technique name, or null when the settings module holds an id we do not know. */
    String technique;
    /** Row index where each loop starts (the loop module), in order; empty when there is no loop module. */
    long[] loopStarts = new long[0];
    Module data;

    private MprFile(Path file, long fileLength) {
        this.file = file;
        this.fileLength = fileLength;
    }

    private static byte[] magic() {
        byte[] m = new byte[52];
        byte[] text = "BIO-LOGIC MODULAR FILE\u001a".getBytes(StandardCharsets.ISO_8859_1);
        Arrays.fill(m, 0, 48, (byte) ' ');
        System.arraycopy(text, 0, m, 0, text.length);
        return m; // the last four bytes stay 0
    }

    /** Whether these first bytes are those of an {@code .mpr} file. */
    static boolean hasMagic(byte[] head) {
        if (head.length < 22) {
            return false;
        }
        for (int k = 0; k < 22; k++) { // "BIO-LOGIC MODULAR FILE"
            if (head[k] != MAGIC[k]) {
                return false;
            }
        }
        return true;
    }

    /** Reads the module headers and the small modules' facts. */
    static MprFile open(Path path, FileChannel channel) {
        try {
            MprFile f = new MprFile(path, channel.size());
            f.scan(channel);
            return f;
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(path), "cannot read: " + e.getMessage(), e);
        }
    }

    BadFormatException bad(String message) {
        return new BadFormatException(ErrorLocation.of(file, RowSink.RAW), message, null);
    }

    private void scan(FileChannel ch) throws IOException {
        ByteBuffer head = read(ch, 0, MAGIC.length, "the file header");
        for (int k = 0; k < MAGIC.length; k++) {
            if (head.get(k) != MAGIC[k]) {
                throw bad("not a BioLogic .mpr file: the first bytes are not 'BIO-LOGIC MODULAR FILE'");
            }
        }
        long pos = MAGIC.length;
        while (pos < fileLength) {
            ByteBuffer h = read(ch, pos, MODULE.length + HEADER_V1, "the module header at offset " + pos);
            for (int k = 0; k < MODULE.length; k++) {
                if (h.get(k) != MODULE[k]) {
                    throw bad("no 'MODULE' at offset " + pos + " where a module should start (a module length "
                            + "is wrong or the file is damaged)");
                }
            }
            String shortName = text(h, 6, 10);
            String longName = text(h, 16, 25);
            long length;
            long version;
            String date;
            int headerSize;
            if (h.getInt(41) == -1) {
                headerSize = HEADER_V2;
                h = read(ch, pos, MODULE.length + HEADER_V2, "the module header at offset " + pos);
                length = Integer.toUnsignedLong(h.getInt(45));
                version = Integer.toUnsignedLong(h.getInt(49));
                date = text(h, 57, 8);
            } else {
                headerSize = HEADER_V1;
                length = Integer.toUnsignedLong(h.getInt(41));
                version = Integer.toUnsignedLong(h.getInt(45));
                date = text(h, 49, 8);
            }
            long dataOffset = pos + MODULE.length + headerSize;
            if (length > fileLength - dataOffset) {
                throw bad("truncated: module '" + shortName + "' at offset " + pos + " declares " + length
                        + " bytes but the file has " + Math.max(0, fileLength - dataOffset) + " after its header");
            }
            Module m = new Module(shortName, longName, version, date, dataOffset, length);
            modules.add(m);
            switch (shortName) {
                case "VMP Set" -> settings(ch, m);
                case "VMP data" -> {
                    if (data != null) {
                        throw bad("two data modules (offsets " + (data.dataOffset) + " and " + dataOffset + ")");
                    }
                    data = m;
                }
                case "VMP LOG" -> log(ch, m);
                case "VMP loop" -> loops(ch, m);
                default -> { } // external devices and modules we do not know: their facts are not needed
            }
            pos = dataOffset + length;
        }
        if (data == null) {
            throw bad("no data module ('VMP data'): the file holds " + modules.size() + " module(s) "
                    + modules.stream().map(Module::shortName).toList());
        }
    }

    private void settings(FileChannel ch, Module m) throws IOException {
        facts.put("settings_date", m.date());
        if (m.length() < 1) {
            return;
        }
        ByteBuffer b = read(ch, m.dataOffset(), (int) Math.min(m.length(), 0x300), "the settings module");
        int id = b.get(0) & 0xFF;
        technique = Techniques.name(id);
        facts.put("technique", technique != null ? technique : "unknown (id " + id + ")");
        String comments = pascal(b, 0x07);
        if (comments != null && !comments.isBlank()) {
            facts.put("comments", comments.strip());
        }
        String material = pascal(b, 0x11E);
        if (material != null && !material.isBlank()) {
            facts.put("electrode_material", material.strip());
        }
        String electrolyte = pascal(b, 0x1C0);
        if (electrolyte != null && !electrolyte.isBlank()) {
            facts.put("electrolyte", electrolyte.strip());
        }
    }

    private void log(FileChannel ch, Module m) throws IOException {
        facts.put("log_date", m.date());
        ByteBuffer b = read(ch, m.dataOffset(), (int) Math.min(m.length(), 0x400), "the log module");
        if (b.limit() > 9) {
            facts.put("channel", (b.get(9) & 0xFF) + 1); // stored from 0; EC-Lab shows channels from 1
        }
        if (b.limit() >= 0x249 + 8) {
            double days = b.getDouble(0x249);
            // OLE automation date: days since 1899-12-30, local time of the instrument's computer
            if (days > 30000 && days < 80000) {
                LocalDateTime start = LocalDateTime.of(1899, 12, 30, 0, 0)
                        .plus(Math.round(days * 86_400_000.0), ChronoUnit.MILLIS);
                facts.put("start_time", start.toString());
            }
        }
        putText(b, 0x251, "original_file");
        putText(b, 0x3B7, "ec_lab_version");
        putText(b, 0x3BE, "server_version");
        putText(b, 0x3C5, "interpreter_version");
        putText(b, 0x3CF, "device_serial");
    }

    private void putText(ByteBuffer b, int offset, String key) {
        String s = pascal(b, offset);
        if (s != null && !s.isBlank() && printable(s)) {
            facts.put(key, s.strip());
        }
    }

    private void loops(FileChannel ch, Module m) throws IOException {
        if (m.version() != 0 || m.length() < 4) {
            facts.put("loop_module", "version " + m.version() + " not read");
            return;
        }
        ByteBuffer n = read(ch, m.dataOffset(), 4, "the loop module");
        long count = Integer.toUnsignedLong(n.getInt(0));
        if (count > (m.length() - 4) / 4 || count > MAX_LOOPS) {
            throw bad("loop module declares " + count + " loop starts in " + m.length() + " bytes");
        }
        ByteBuffer b = read(ch, m.dataOffset() + 4, (int) count * 4, "the loop module");
        List<Long> starts = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            long s = Integer.toUnsignedLong(b.getInt(4 * k));
            if (k > 0 && s == 0) {
                break; // trailing zeros pad the list
            }
            starts.add(s);
        }
        loopStarts = starts.stream().mapToLong(Long::longValue).toArray();
    }

    /** Reads {@code length} bytes at {@code offset}, failing as truncated when the file is shorter. */
    ByteBuffer read(FileChannel ch, long offset, int length, String what) throws IOException {
        if (offset < 0 || length < 0 || offset > fileLength - length) {
            throw bad("truncated: " + what + " needs " + length + " bytes at offset " + offset + " but the file has "
                    + fileLength + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                throw bad("truncated: the file ended while reading " + what);
            }
        }
        return b.flip();
    }

    private static String text(ByteBuffer b, int offset, int length) {
        byte[] bytes = new byte[length];
        b.get(offset, bytes);
        int end = length;
        while (end > 0 && (bytes[end - 1] == ' ' || bytes[end - 1] == 0)) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** A length-prefixed string at {@code offset}, or null when it does not fit in the buffer. */
    private static String pascal(ByteBuffer b, int offset) {
        if (offset >= b.limit()) {
            return null;
        }
        int n = b.get(offset) & 0xFF;
        if (offset + 1 + n > b.limit()) {
            return null;
        }
        byte[] bytes = new byte[n];
        b.get(offset + 1, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static boolean printable(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c < ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }
}
