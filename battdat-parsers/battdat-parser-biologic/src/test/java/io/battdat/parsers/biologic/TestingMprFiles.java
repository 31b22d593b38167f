package io.battdat.parsers.biologic;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rebuilds {@code .mpr} files from a sample's modules in the other layouts EC-Lab writes (the 59-byte module header
 * of EC-Lab 11.50+, data module versions 0, 2 and 3), so that each layout is read in the tests although the
 * samples use only some of them.
 */
final class TestingMprFiles {
    /** One module of a file. */
    record Module(String shortName, String longName, int version, String date, byte[] body) {
    }

    private TestingMprFiles() {
    }

    static List<Module> modules(byte[] file) {
        List<Module> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int p = MprFile.MAGIC.length;
        while (p < file.length) {
            int h = p + 6;
            String shortName = new String(file, h, 10, StandardCharsets.ISO_8859_1).strip();
            String longName = new String(file, h + 10, 25, StandardCharsets.ISO_8859_1).strip();
            int length;
            int version;
            String date;
            int size;
            if (b.getInt(h + 35) == -1) {
                length = b.getInt(h + 39);
                version = b.getInt(h + 43);
                date = new String(file, h + 51, 8, StandardCharsets.ISO_8859_1);
                size = 59;
            } else {
                length = b.getInt(h + 35);
                version = b.getInt(h + 39);
                date = new String(file, h + 43, 8, StandardCharsets.ISO_8859_1);
                size = 51;
            }
            out.add(new Module(shortName, longName, version, date,
                    Arrays.copyOfRange(file, h + size, h + size + length)));
            p = h + size + length;
        }
        return out;
    }

    /** The file of these modules, with 51-byte headers or (newHeaders) 59-byte ones. */
    static byte[] write(List<Module> modules, boolean newHeaders) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MprFile.MAGIC);
        for (Module m : modules) {
            ByteBuffer h = ByteBuffer.allocate(6 + (newHeaders ? 59 : 51)).order(ByteOrder.LITTLE_ENDIAN);
            h.put("MODULE".getBytes(StandardCharsets.ISO_8859_1));
            h.put(padded(m.shortName(), 10)).put(padded(m.longName(), 25));
            if (newHeaders) {
                h.putInt(-1).putInt(m.body().length).putInt(m.version())
                        .putInt(m.shortName().equals("VMP data") ? 11 : 10);
            } else {
                h.putInt(m.body().length).putInt(m.version());
            }
            h.put(padded(m.date(), 8));
            out.writeBytes(h.array());
            out.writeBytes(m.body());
        }
        return out.toByteArray();
    }

    private static byte[] padded(String s, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) ' ');
        byte[] t = s.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(t, 0, b, 0, Math.min(n, t.length));
        return b;
    }

    /** Ids layout of a data module body. */
    enum DataLayout { V0_BYTE_IDS, V0_BIG_ENDIAN_IDS, V2, V3 }

    /**
     * The data module rewritten in another layout (same ids, same rows); {@code copies} repeats the rows, fixing the
     * row count, to make large files.
     */
    static Module data(Module data, DataLayout layout, int copies) {
        ByteBuffer b = ByteBuffer.wrap(data.body()).order(ByteOrder.LITTLE_ENDIAN);
        int rows = b.getInt(0);
        int n = b.get(4) & 0xFF;
        int[] ids = new int[n];
        for (int k = 0; k < n; k++) {
            ids[k] = b.getShort(5 + 2 * k) & 0xFFFF;
        }
        int rowsAt = data.version() == 2 ? 0x195 : 0x196;
        byte[] rowBytes = Arrays.copyOfRange(data.body(), rowsAt, data.body().length);
        int start = switch (layout) {
            case V0_BYTE_IDS -> 100;
            case V0_BIG_ENDIAN_IDS -> 1007;
            case V2 -> 0x195;
            case V3 -> 0x196;
        };
        ByteBuffer out = ByteBuffer.allocate(start + rowBytes.length * copies).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt((int) ((long) rows * copies)).put((byte) n);
        for (int id : ids) {
            switch (layout) {
                case V0_BYTE_IDS -> out.put((byte) id);
                case V0_BIG_ENDIAN_IDS -> out.order(ByteOrder.BIG_ENDIAN).putShort((short) id)
                        .order(ByteOrder.LITTLE_ENDIAN);
                default -> out.putShort((short) id);
            }
        }
        if (layout == DataLayout.V3) {
            out.put(0x195, (byte) 1);
        }
        out.position(start);
        for (int c = 0; c < copies; c++) {
            out.put(rowBytes);
        }
        int version = switch (layout) {
            case V0_BYTE_IDS, V0_BIG_ENDIAN_IDS -> 0;
            case V2 -> 2;
            case V3 -> 3;
        };
        return new Module(data.shortName(), data.longName(), version, data.date(), out.array());
    }

    /** The modules with the data module replaced. */
    static List<Module> withData(List<Module> modules, Module data) {
        List<Module> out = new ArrayList<>();
        for (Module m : modules) {
            out.add(m.shortName().equals("VMP data") ? data : m);
        }
        return out;
    }

    static Module dataOf(List<Module> modules) {
        return modules.stream().filter(m -> m.shortName().equals("VMP data")).findFirst().orElseThrow();
    }
}
