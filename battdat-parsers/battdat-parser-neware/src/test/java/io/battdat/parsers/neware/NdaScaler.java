package io.battdat.parsers.neware;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes a large valid version-29 {@code .nda} from a small one, for memory and speed checks: the sample's header,
 * then its records again and again with the record index renumbered so that it keeps increasing. Each copy starts
 * a new step, so the rebuilt total time keeps growing too.
 *
 * <p>{@code java -cp target/test-classes io.battdat.parsers.neware.NdaScaler SAMPLE.nda OUT.nda SIZE_MB}
 */
public final class NdaScaler {
    private static final int RECORD = 86;

    private NdaScaler() {
    }

    /** Command line: sample, output, size in MB. */
    public static void main(String[] args) throws IOException {
        ScalerCommand.run(args, "NdaScaler", "SAMPLE.nda OUT.nda SIZE_MB", NdaScaler::scale);
    }

    /**
     * Writes at least {@code targetBytes} (whole copies of the sample's records).
     *
     * @return the data records written
     */
    public static long scale(Path sample, Path out, long targetBytes) throws IOException {
        byte[] in = Files.readAllBytes(sample);
        if (in.length < 15 || in[14] != 29) {
            throw new IOException(sample + " is not an nda version 29 file");
        }
        int start = dataStart(in);
        long index = 0;
        long written = start;
        byte[] rec = new byte[RECORD];
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            os.write(in, 0, start);
            while (written < targetBytes) {
                for (int p = start; p + RECORD <= in.length; p += RECORD) {
                    System.arraycopy(in, p, rec, 0, RECORD);
                    if (rec[0] == 0x55 && rec[1] == 0) {
                        index++;
                        putInt(rec, 2, (int) index);
                    } else if (rec[0] == 0x65) {
                        putInt(rec, 2, (int) index);
                    }
                    os.write(rec);
                    written += RECORD;
                }
            }
        }
        return index;
    }

    static int dataStart(byte[] b) throws IOException {
        for (int h = 0; h + 4 + RECORD < b.length; h++) {
            if (b[h] == 0 && b[h + 1] == 0 && b[h + 2] == 0 && b[h + 3] == 0 && b[h + 4] == 0x55 && b[h + 5] == 0
                    && b[h + 4 + 12] != 0 && (h + 4 + RECORD >= b.length || b[h + 4 + RECORD] == 0x55)) {
                return h + 4;
            }
        }
        throw new IOException("no data record found");
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
