package io.battdat.parsers.biologic;

import io.battdat.api.parse.ParseOptions;
import io.battdat.parsers.biologic.TestingMprFiles.DataLayout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The layouts the samples do not use (new module headers, data module version 0) give the same rows. */
class BiologicLayoutsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"V0_BYTE_IDS,false", "V0_BIG_ENDIAN_IDS,true", "V0_BIG_ENDIAN_IDS,false", "V2,true", "V3,true",
            "V3,false"})
    void everyLayoutReadsTheSameRows(DataLayout layout, boolean newHeaders) throws IOException {
        Path original = Samples.sample(Samples.CV); // ids all below 256, so the one-byte form can hold them
        List<TestingMprFiles.Module> modules = TestingMprFiles.modules(Files.readAllBytes(original));
        var data = TestingMprFiles.data(TestingMprFiles.dataOf(modules), layout, 1);
        Path in = Files.write(dir.resolve("layout.mpr"),
                TestingMprFiles.write(TestingMprFiles.withData(modules, data), newHeaders));
        Path out = dir.resolve("layout.h5");
        BiologicFactsTest.convertAuto(out, ParseOptions.defaults(), in);
        Path ref = dir.resolve("ref.h5");
        BiologicFactsTest.convertAuto(ref, ParseOptions.defaults(), original);
        BiologicFactsTest.Facts a = BiologicFactsTest.Facts.of(out);
        BiologicFactsTest.Facts r = BiologicFactsTest.Facts.of(ref);
        assertEquals(r.rows, a.rows);
        assertEquals(r.firstTime, a.firstTime, 0.0);
        assertEquals(r.lastTime, a.lastTime, 0.0);
        assertEquals(r.currentSum, a.currentSum, 0.0);
        assertEquals(r.voltageSum, a.voltageSum, 0.0);
        assertEquals(r.cycles, a.cycles);
    }

    @ParameterizedTest
    @CsvSource({"PEIS-0.mpr", "jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr"})
    void repeatedRowsStreamWithTheRowCountFixed(String name) throws IOException {
        List<TestingMprFiles.Module> modules = TestingMprFiles.modules(Files.readAllBytes(Samples.sample(name)));
        var data = TestingMprFiles.dataOf(modules);
        var tripled = TestingMprFiles.data(data, data.version() == 2 ? DataLayout.V2 : DataLayout.V3, 3);
        Path in = Files.write(dir.resolve("big.mpr"),
                TestingMprFiles.write(TestingMprFiles.withData(modules, tripled), false));
        Path out = dir.resolve("big.h5");
        var report = BiologicFactsTest.convertAuto(out, ParseOptions.defaults(), in);
        long rows = Samples.facts(name).get("rows").asLong();
        assertEquals(3 * rows, report.cells().get("").get("raw_data"));
    }
}
