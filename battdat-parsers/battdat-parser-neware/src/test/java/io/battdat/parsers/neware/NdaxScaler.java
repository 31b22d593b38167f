package io.battdat.parsers.neware;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Makes a large valid {@code .ndax} from a small split one (ndc version 17: {@code data.ndc}, {@code
 * data_runInfo.ndc}, {@code data_step.ndc} and one ndc 17 auxiliary member), for memory and speed checks: the
 * sample's records again and again, in full pages, with the run-info record indexes renumbered and the step list
 * repeated, so every copy is a new run of steps and the rebuilt total time keeps growing. Members are stored
 * uncompressed, so the archive is as large as asked (Neware deflates them; the reader streams either way).
 *
 * <p>{@code java -cp target/test-classes io.battdat.parsers.neware.NdaxScaler SAMPLE.ndax OUT.ndax SIZE_MB}
 */
public final class NdaxScaler {
    private static final int PAGE = NdcPages.PAGE;
    private static final NdcPages.Slots DATA = NdcPages.DATA;
    private static final NdcPages.Slots INFO = NdcPages.INFO_V16;
    private static final NdcPages.Slots AUX = NdcPages.AUX_V14;

    private NdaxScaler() {
    }

    /** Command line: sample, output, size in MB. */
    public static void main(String[] args) throws IOException {
        ScalerCommand.run(args, "NdaxScaler", "SAMPLE.ndax OUT.ndax SIZE_MB", NdaxScaler::scale);
    }

    /**
     * Writes an archive of at least {@code targetBytes}.
     *
     * @return the data records written
     */
    public static long scale(Path sample, Path out, long targetBytes) throws IOException {
        try (ZipFile zip = new ZipFile(sample.toFile())) {
            byte[] data = member(zip, NdaxReader.DATA);
            byte[] info = member(zip, NdaxReader.RUN_INFO);
            byte[] steps = member(zip, NdaxReader.STEPS);
            String auxName = null;
            Enumeration<? extends ZipEntry> e = zip.entries();
            while (e.hasMoreElements()) {
                String n = e.nextElement().getName();
                if (n.startsWith("data_AUX_")) {
                    auxName = n;
                }
            }
            for (byte[] m : new byte[][]{data, info, steps}) {
                if (m[2] != 17 || m.length < 2 * PAGE) {
                    throw new IOException(sample + ": not a split ndc 17 archive with one page per member");
                }
            }
            byte[] aux = auxName == null ? null : member(zip, auxName);
            int records = u16(data, PAGE + 2);
            List<byte[]> infos = slots(info, INFO, 41);
            List<byte[]> stepSlots = slots(steps, INFO, 33);
            long perCopy = records * (DATA.stride() + (aux == null ? 0 : AUX.stride())) + (long) INFO.stride()
                    * (infos.size() + stepSlots.size());
            long copies = Math.max(1, (targetBytes + perCopy - 1) / perCopy);
            // the step time of a copy's records spans its steps' final times; the next copy's dates follow on
            long copySeconds = 1 + copySpan(infos);

            Path dir = Files.createTempDirectory(out.toAbsolutePath().getParent(), "ndax-scale");
            try {
                Path dataOut = dir.resolve("data");
                try (PageWriter w = new PageWriter(dataOut, data, DATA, true)) {
                    for (long c = 0; c < copies; c++) {
                        for (int j = 0; j < records; j++) {
                            w.slot(data, PAGE + DATA.first() + j * DATA.stride());
                        }
                    }
                }
                Path infoOut = dir.resolve("info");
                try (PageWriter w = new PageWriter(infoOut, info, INFO, true)) {
                    byte[] slot = new byte[INFO.stride()];
                    ByteBuffer b = ByteBuffer.wrap(slot).order(ByteOrder.LITTLE_ENDIAN);
                    for (long c = 0; c < copies; c++) {
                        for (byte[] s : infos) {
                            System.arraycopy(s, 0, slot, 0, INFO.stride());
                            b.putInt(41, (int) (b.getInt(41) + c * records));
                            b.putInt(33, (int) (b.getInt(33) + c * copySeconds));
                            w.slot(slot, 0);
                        }
                    }
                }
                Path stepOut = dir.resolve("steps");
                try (PageWriter w = new PageWriter(stepOut, steps, INFO, true)) {
                    for (long c = 0; c < copies; c++) {
                        for (byte[] s : stepSlots) {
                            w.slot(s, 0);
                        }
                    }
                }
                Path auxOut = dir.resolve("aux");
                if (aux != null) {
                    try (PageWriter w = new PageWriter(auxOut, aux, AUX, false)) {
                        for (long c = 0; c < copies; c++) {
                            for (int j = 0; j < records; j++) {
                                w.slot(aux, PAGE + AUX.first() + j * AUX.stride());
                            }
                        }
                    }
                }
                try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(out),
                        1 << 16))) {
                    Enumeration<? extends ZipEntry> all = zip.entries();
                    while (all.hasMoreElements()) {
                        ZipEntry entry = all.nextElement();
                        String n = entry.getName();
                        Path replaced = n.equals(NdaxReader.DATA) ? dataOut : n.equals(NdaxReader.RUN_INFO) ? infoOut
                                : n.equals(NdaxReader.STEPS) ? stepOut : n.equals(auxName) ? auxOut : null;
                        if (replaced != null) {
                            stored(z, n, replaced);
                        } else {
                            z.putNextEntry(new ZipEntry(n));
                            z.write(member(zip, n));
                            z.closeEntry();
                        }
                    }
                }
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(dir);
            }
            return copies * records;
        }
    }

    private static long copySpan(List<byte[]> infos) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (byte[] s : infos) {
            long t = ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN).getInt(33);
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        return Math.max(0, last - first);
    }

    /** The used slots of a one-page member (a non-zero i32 at {@code usedAt}). */
    private static List<byte[]> slots(byte[] member, NdcPages.Slots slots, int usedAt) {
        List<byte[]> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(member).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = PAGE + slots.first(); at + slots.stride() <= PAGE + slots.end(); at += slots.stride()) {
            if (b.getInt(at + usedAt) != 0) {
                out.add(Arrays.copyOfRange(member, at, at + slots.stride()));
            }
        }
        return out;
    }

    private static byte[] member(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("no member " + name);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static void stored(ZipOutputStream z, String name, Path content) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(content)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                crc.update(buffer, 0, n);
            }
        }
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(Files.size(content));
        entry.setCompressedSize(Files.size(content));
        entry.setCrc(crc.getValue());
        z.putNextEntry(entry);
        Files.copy(content, z);
        z.closeEntry();
    }

    /** Writes a paged member: the sample's file header, then full pages of slots with the used count at byte 2. */
    private static final class PageWriter implements AutoCloseable {
        private final OutputStream out;
        private final byte[] page = new byte[PAGE];
        private final byte[] template;
        private final NdcPages.Slots slots;
        private final boolean count;
        private int used;

        PageWriter(Path file, byte[] sample, NdcPages.Slots slots, boolean count) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            this.template = Arrays.copyOfRange(sample, PAGE, 2 * PAGE);
            this.slots = slots;
            this.count = count;
            out.write(sample, 0, PAGE);
            reset();
        }

        private void reset() {
            System.arraycopy(template, 0, page, 0, PAGE);
            Arrays.fill(page, slots.first(), slots.first() + slots.perPage() * slots.stride(), (byte) 0);
            used = 0;
        }

        void slot(byte[] from, int at) throws IOException {
            System.arraycopy(from, at, page, slots.first() + used * slots.stride(), slots.stride());
            if (++used == slots.perPage()) {
                flush();
            }
        }

        private void flush() throws IOException {
            if (used == 0) {
                return;
            }
            if (count) {
                page[2] = (byte) used;
                page[3] = (byte) (used >> 8);
            }
            out.write(page);
            reset();
        }

        @Override
        public void close() throws IOException {
            flush();
            out.close();
        }
    }
}
