package io.battdat.hdf5.zlib;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;

/**
 * Chooses, once per JVM, which zlib the HDF5 backend inflates and deflates chunks with: ISA-L through Intel's GKL
 * when its native library loads for this platform (Linux and macOS on x86-64), else the JDK's. ISA-L inflates
 * about 1.6-1.8x faster than the JDK's zlib and deflates at levels 1-2 several times faster (at a slightly worse
 * ratio); other levels always use the JDK's zlib, as ISA-L has no higher levels. Both write standard zlib streams.
 *
 * <p>The system property {@value #PROPERTY} forces a choice: {@code jdk} always uses the JDK's zlib; {@code auto}
 * (the default) and {@code native} use ISA-L when it loads. The choice and the reason for a fallback are logged at
 * debug level. (libdeflate through the foreign-function API would need JDK 22; this project targets JDK 17.)
 */
public final class Zlib {
    /** The system property that forces the codec: {@code jdk}, {@code native} or {@code auto}. */
    public static final String PROPERTY = "battdat.deflate";

    private static final Logger LOG = LoggerFactory.getLogger(Zlib.class);

    private Zlib() {
    }

    /** Whether chunks are inflated (and deflated at levels 1-2) by the native ISA-L codec in this JVM. */
    public static boolean isNative() {
        return Choice.NATIVE;
    }

    /** One line naming the codec in use, and why the JDK's when a native one was wanted but did not load. */
    public static String describe() {
        return Choice.DESCRIPTION;
    }

    /** A new inflater on the chosen codec; the caller closes it. */
    public static ChunkInflater newInflater() {
        return Choice.NATIVE ? new IsalChunkInflater() : new JdkChunkInflater();
    }

    /**
     * A new deflater for {@code level} (0-9) on the chosen codec where it does that level (ISA-L: 1 and 2), else
     * on the JDK's zlib; the caller closes it.
     */
    public static ChunkDeflater newDeflater(int level) {
        if (Choice.NATIVE && (level == 1 || level == 2)) {
            return new IsalChunkDeflater(level);
        }
        return new JdkChunkDeflater(level);
    }

    /** Loaded on first use, so a command that never touches a deflated chunk never extracts the native library. */
    private static final class Choice {
        static final boolean NATIVE;
        static final String DESCRIPTION;

        static {
            String wanted = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
            String why;
            if (wanted.equals("jdk")) {
                why = "-D" + PROPERTY + "=jdk";
            } else {
                why = loadNative();
            }
            NATIVE = why == null;
            DESCRIPTION = NATIVE
                    ? "native ISA-L (Intel GKL): inflate, and deflate at levels 1-2; JDK zlib for other levels"
                    : "JDK zlib (" + why + ")";
            LOG.debug("zlib codec: {}", DESCRIPTION);
        }

        /** Loads ISA-L and checks it against the JDK's zlib; returns why not when it cannot be used, else null. */
        private static String loadNative() {
            String arch = System.getProperty("os.arch", "");
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (!(arch.equals("amd64") || arch.equals("x86_64")) || !(os.contains("linux") || os.contains("mac"))) {
                return "no native ISA-L for " + os + "/" + arch;
            }
            try {
                if (!new com.intel.gkl.compression.IntelInflater(true).load(null)
                        || !new com.intel.gkl.compression.IntelDeflater(1, true).load(null)) {
                    return "GKL's native library did not load";
                }
                return selfTest();
            } catch (LinkageError | RuntimeException e) {
                LOG.debug("GKL's native library failed to load", e);
                return "GKL's native library failed to load: " + e;
            }
        }

        /** A round trip each way between ISA-L and the JDK's zlib, so a broken native build is never used. */
        private static String selfTest() {
            byte[] data = new byte[10_000];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) ((i * 31) % 251 / 7);
            }
            byte[] back = new byte[data.length];
            try (ChunkDeflater jdk = new JdkChunkDeflater(Deflater.BEST_COMPRESSION);
                 ChunkInflater isal = new IsalChunkInflater();
                 ChunkDeflater isalDeflater = new IsalChunkDeflater(1);
                 ChunkInflater jdkInflater = new JdkChunkInflater()) {
                ChunkDeflater.Deflated z = jdk.deflate(data, data.length);
                if (isal.inflate(z.bytes(), 0, z.size(), back, data.length) != data.length
                        || !java.util.Arrays.equals(data, back)) {
                    return "ISA-L failed its self-test inflating a JDK stream";
                }
                ChunkDeflater.Deflated y = isalDeflater.deflate(data, data.length);
                java.util.Arrays.fill(back, (byte) 0);
                if (jdkInflater.inflate(y.bytes(), 0, y.size(), back, data.length) != data.length
                        || !java.util.Arrays.equals(data, back)) {
                    return "ISA-L failed its self-test deflating for the JDK";
                }
                return null;
            } catch (DataFormatException | RuntimeException e) {
                return "ISA-L failed its self-test: " + e.getMessage();
            }
        }
    }
}
