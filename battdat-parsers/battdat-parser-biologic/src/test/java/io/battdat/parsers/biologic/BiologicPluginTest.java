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

    @Test
    void convertedFileCarriesTheRunsMetadata() {
        Path out = dir.resolve("cv.h5");
        BiologicFactsTest.convertAuto(out, ParseOptions.defaults(), Samples.sample(Samples.CV));
        var meta = io.battdat.streaming.Battdat.engine().inspect(out).metadata();
        assertEquals("BioLogic (SN 10831083)", meta.testProtocol().cycler());
        assertEquals(java.time.LocalDate.of(2018, 1, 10), meta.testProtocol().startDate());
        assertEquals("CV", meta.testProtocol().extra().get("technique"));
        assertEquals(11, ((Number) meta.testProtocol().extra().get("channel")).intValue());
        assertEquals("2018-01-10T17:01:24", meta.testProtocol().extra().get("start_time"));
    }

    @Test
    void userMetadataIsKept() {
        Path out = dir.resolve("peis.h5");
        var given = io.battdat.api.metadata.BatteryMetadata.defaults().toBuilder().comments("mine")
                .testProtocol(io.battdat.api.metadata.CyclingProtocol.builder().cycler("my cycler").build()).build();
        var registry = StorageRegistry.discover(BiologicPluginTest.class.getClassLoader());
        new io.battdat.streaming.convert.Converter(registry).convert(java.util.List.of(Samples.sample(Samples.PEIS)),
                out, io.battdat.streaming.convert.ConvertOptions.defaults().withMetadata(given));
        var meta = io.battdat.streaming.Battdat.engine().inspect(out).metadata();
        assertEquals("mine", meta.comments());
        assertEquals("my cycler", meta.testProtocol().cycler());
        assertEquals("PEIS", meta.testProtocol().extra().get("technique"));
    }
}
