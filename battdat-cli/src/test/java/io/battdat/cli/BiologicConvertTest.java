package io.battdat.cli;

import io.battdat.streaming.BatchStream;
import io.battdat.streaming.Battdat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code battdat convert} of BioLogic files (../shared/fixtures/vendor-binary/biologic): detected, schema-valid,
 * readable by PyTables; {@code --skip-unknown-columns} reaches the parser.
 */
@Timeout(300)
class BiologicConvertTest {
    @TempDir
    Path dir;

    private static Path sample(String name) {
        Path p = Path.of(System.getProperty("battdat.shared", "../../shared"), "fixtures", "vendor-binary",
                "biologic", name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "shared fixture absent: " + p);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cv.mpr", "cv.mpt", "PEIS-0.mpr", "jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr"})
    void sampleConvertsValidAndReadsInPyTables(String name) {
        Path out = dir.resolve(name + ".h5");
        Cli run = Cli.run("convert", sample(name).toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("(biologic)"), run.out());
        ConvertedFiles.assertValid(out, false);
    }

    @Test
    void skipUnknownColumnsFlagReachesTheParser() throws IOException {
        byte[] bytes = Files.readAllBytes(sample("cv.mpr"));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int ids = 1965 + 6 + 51 + 5; // cv.mpr: the data module's column ids
        int last = ids + 2 * ((b.get(ids - 1) & 0xFF) - 1);
        assertEquals(434, b.getShort(last)); // (Q-Qo)/C, not needed for battdat's columns
        b.putShort(last, (short) 999);
        Path in = Files.write(dir.resolve("unknown.mpr"), bytes);
        Cli refused = Cli.run("convert", in.toString(), "--out", dir.resolve("a.h5").toString(), "--quiet");
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("unknown column id 999") && refused.err().contains("unknown.mpr"),
                refused.err());
        Cli skipped = Cli.run("convert", in.toString(), "--out", dir.resolve("b.h5").toString(), "--quiet",
                "--skip-unknown-columns");
        assertEquals(0, skipped.status(), skipped.err());
        long rows = 0;
        try (BatchStream batches = Battdat.engine().batches(dir.resolve("b.h5"), "raw_data")) {
            while (batches.hasNext()) {
                rows += batches.next().rowCount();
            }
        }
        assertEquals(5103L, rows);
    }
}
