package io.battdat.parsers.arbinres;

import io.battdat.api.BadFormatException;
import io.battdat.api.parse.ParseOptions;
import io.battdat.parsers.csv.testing.Conversions;
import io.battdat.parsers.csv.testing.DamageTrials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad files fail with one line naming the file, and leave no output. */
class ArbinResBadInputTest {
    /** Trials of the randomized damage test; {@code -Dbattdat.arbinres.trials=N} runs more. */
    private static final int TRIALS = Integer.getInteger("battdat.arbinres.trials", 300);

    @TempDir
    Path dir;

    private BadFormatException refused(Path res) {
        Path out = dir.resolve("out.h5");
        BadFormatException e = assertThrows(BadFormatException.class,
                () -> Conversions.convert("arbin-res", out, ParseOptions.defaults(), res));
        assertTrue(e.getMessage().contains(res.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(out), "output left behind");
        return e;
    }

    private Path damaged(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private byte[] sampleOrMadeUp() throws IOException {
        Path made = dir.resolve("made.res");
        if (!Files.exists(made)) {
            TestingResFiles.write(made, new TestingResFiles.Spec(1, 2000, true, true, true, 3));
        }
        return Files.readAllBytes(made);
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] all = sampleOrMadeUp();
        BadFormatException e = refused(damaged("cut.res", Arrays.copyOf(all, all.length / 3)));
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("damaged"), e.getMessage());
        refused(damaged("tiny.res", Arrays.copyOf(all, 100)));
        refused(damaged("empty.res", new byte[0]));
    }

    @Test
    void anotherAccessDatabase() throws IOException {
        Path other = dir.resolve("customers.res");
        TestingResFiles.writeOtherDatabase(other);
        BadFormatException e = refused(other);
        assertTrue(e.getMessage().contains("without Arbin's tables"), e.getMessage());
    }

    @Test
    void notAnAccessFile() throws IOException {
        BadFormatException e = refused(damaged("text.res", "Test_ID,Data_Point\n1,1\n".getBytes()));
        assertTrue(e.getMessage().contains("not a readable Access"), e.getMessage());
    }

    @Test
    void encryptedDatabase() throws IOException {
        byte[] bytes = sampleOrMadeUp();
        // Jet 4 keeps a non-zero encoding key at 0x3E of the header page when the database is encoded (RC4)
        bytes[0x3E] ^= 0x5A;
        BadFormatException e = refused(damaged("encoded.res", bytes));
        assertTrue(e.getMessage().contains("encrypted"), e.getMessage());
    }

    @Test
    void passwordProtectedDatabase() throws IOException {
        byte[] bytes = sampleOrMadeUp();
        // the password field (0x42, 40 bytes, masked): any change makes a non-empty password
        bytes[0x42] ^= 0x41;
        bytes[0x43] ^= 0x13;
        BadFormatException e = refused(damaged("password.res", bytes));
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void randomDamageConvertsOrFailsCleanly() throws Exception {
        byte[][] originals = {sampleOrMadeUp(), sampleIfPresent(Samples.PLAIN), sampleIfPresent(Samples.AUX)};
        Random random = new Random(20261203);
        DamageTrials trials = new DamageTrials(Duration.ofSeconds(60));
        for (int trial = 0; trial < TRIALS; trial++) {
            byte[] original = originals[trial % originals.length];
            if (original == null) {
                original = originals[0];
            }
            byte[] bytes = damage(original, random);
            Path res = damaged("damaged-" + trial + ".res", bytes);
            Path out = dir.resolve("damaged-" + trial + ".h5");
            String what = "trial " + trial;
            trials.run(what, () -> Conversions.convert("arbin-res", out, ParseOptions.defaults(), res), e -> {
                assertFalse(e.getMessage().contains("\n"), what + ": " + e.getMessage());
                assertFalse(Files.exists(out), what + ": output left behind");
            });
            Files.deleteIfExists(res);
            Files.deleteIfExists(out);
        }
        assertEquals(TRIALS, trials.trials());
        System.out.println("damage trials: " + trials);
    }

    private byte[] sampleIfPresent(String name) throws IOException {
        String root = System.getProperty("battdat.shared");
        if (root == null) {
            return null;
        }
        Path p = Path.of(root, "fixtures", "vendor-binary", "arbin-res", name);
        return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
    }

    /** A truncation, a few flipped bytes, or a page of zeros or noise. */
    private static byte[] damage(byte[] original, Random random) {
        byte[] bytes = original.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                return Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            case 1 -> {
                int flips = 1 + random.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            case 2 -> {
                // within the first pages: the header, the system catalogue and table definitions
                int flips = 1 + random.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    bytes[random.nextInt(Math.min(bytes.length, 16 * 4096))] ^= (byte) (1 + random.nextInt(255));
                }
            }
            default -> {
                int page = random.nextInt(bytes.length / 4096);
                boolean zeros = random.nextBoolean();
                for (int k = page * 4096; k < (page + 1) * 4096 && k < bytes.length; k++) {
                    bytes[k] = zeros ? 0 : (byte) random.nextInt(256);
                }
            }
        }
        return bytes;
    }
}
