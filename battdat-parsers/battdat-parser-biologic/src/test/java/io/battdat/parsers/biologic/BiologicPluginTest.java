package io.battdat.parsers.biologic;

import io.battdat.api.parse.ParseOptions;
import io.battdat.api.parse.VendorParser;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.Spi;
import io.battdat.streaming.StorageRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The parser is found as a service and recognises its files by content, whatever their names. */
class BiologicPluginTest {
    @TempDir
    Path dir;

    @Test
    void foundThroughTheRegistry() {
        StorageRegistry registry = StorageRegistry.discover(BiologicPluginTest.class.getClassLoader());
        VendorParser p = registry.parser("biologic");
        assertEquals(BiologicParser.class, p.getClass());
        assertEquals(Spi.VERSION, p.spiVersion());
    }

    @Test
    void signatureWinsOverTheName() throws IOException {
        StorageRegistry registry = StorageRegistry.discover(BiologicPluginTest.class.getClassLoader());
        Path mpr = Files.copy(Samples.sample(Samples.PEIS), dir.resolve("renamed.dat"));
        Path mpt = Files.copy(Samples.sample(Samples.CV_MPT), dir.resolve("renamed.txt"));
        assertEquals(ProbeResult.SIGNATURE, new BiologicParser().probe(StorageRegistry.probeOf(mpr)));
        assertEquals(ProbeResult.SIGNATURE, new BiologicParser().probe(StorageRegistry.probeOf(mpt)));
        assertEquals("biologic", registry.parserFor(mpr).formatName());
        assertEquals("biologic", registry.parserFor(mpt).formatName());
        var report = BiologicFactsTest.convertAuto(dir.resolve("r.h5"), ParseOptions.defaults(), mpr);
        assertEquals(60L, report.cells().get("").get("raw_data"));
    }

    @Test
    void fileFactsForMetadata() {
        var mpr = new BiologicParser().fileFacts(Samples.sample(Samples.CV));
        assertEquals("CV", mpr.get("technique"));
        assertEquals(11, mpr.get("channel"));
        assertEquals("2018-01-10T17:01:24", mpr.get("start_time"));
        var mpt = new BiologicParser().fileFacts(Samples.sample(Samples.CV_MPT));
        assertEquals("Cyclic Voltammetry", mpt.get("technique"));
        assertEquals("01/10/2018 17:01:24", mpt.get("start_time"));
    }
}
