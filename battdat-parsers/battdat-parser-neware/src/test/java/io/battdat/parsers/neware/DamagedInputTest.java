package io.battdat.parsers.neware;

import io.battdat.api.BattdatException;
import io.battdat.parsers.csv.testing.DamageTrials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random damage (flipped bytes, cut files, overwritten runs; inside the archive's members as well as in the archive)
 * to each sample: every trial converts or fails with a {@link BattdatException}, never another exception, never a
 * hang.
 */
class DamagedInputTest {
    private static final int TRIALS_PER_SAMPLE = 120;

    @TempDir
    Path dir;

    @Test
    void everyDamagedSampleConvertsOrFailsTyped() throws IOException {
        Random random = new Random(20261203L);
        DamageTrials trials = new DamageTrials(Duration.ofSeconds(60));
        for (String name : List.of(Samples.V29, Samples.V130, Samples.NDAX)) {
            byte[] original = Files.readAllBytes(Samples.get(name));
            Map<String, byte[]> members = name.endsWith(".ndax") ? members(Samples.get(name)) : null;
            for (int trial = 0; trial < TRIALS_PER_SAMPLE; trial++) {
                byte[] damaged = members != null && trial % 2 == 0
                        ? rezip(members, random) : damage(original, random);
                String ext = name.endsWith(".ndax") ? ".ndax" : ".nda";
                Path f = Files.write(dir.resolve("t" + trial + ext), damaged);
                Path out = dir.resolve("t" + trial + ".h5");
                String what = name + " trial " + trial;
                trials.run(what, () -> NewareParserTest.convert(f, out),
                        e -> assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), what));
                Files.deleteIfExists(f);
                Files.deleteIfExists(out);
            }
        }
        trials.assertBothOutcomes();
    }

    static byte[] damage(byte[] in, Random random) {
        byte[] b = in.clone();
        int mode = random.nextInt(4);
        if (mode == 0 || mode == 2) {
            int flips = 1 + random.nextInt(8);
            for (int k = 0; k < flips; k++) {
                b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
            }
        }
        if (mode == 3) {
            int at = random.nextInt(b.length);
            int len = Math.min(b.length - at, 1 + random.nextInt(64));
            for (int k = 0; k < len; k++) {
                b[at + k] = (byte) random.nextInt(256);
            }
        }
        if (mode == 1 || mode == 2) {
            b = Arrays.copyOf(b, random.nextInt(b.length));
        }
        return b;
    }

    private static Map<String, byte[]> members(Path ndax) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(ndax.toFile())) {
            for (ZipEntry e : new ArrayList<>(z.stream().toList())) {
                out.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    /** The archive again, with one .ndc member damaged. */
    private static byte[] rezip(Map<String, byte[]> members, Random random) throws IOException {
        List<String> ndc = members.keySet().stream().filter(n -> n.endsWith(".ndc")).toList();
        String victim = ndc.get(random.nextInt(ndc.size()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                z.putNextEntry(new ZipEntry(m.getKey()));
                z.write(m.getKey().equals(victim) ? damage(m.getValue(), random) : m.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
