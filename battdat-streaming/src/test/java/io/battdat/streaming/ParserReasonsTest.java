package io.battdat.streaming;

import io.battdat.api.PluginException;
import io.battdat.api.parse.CellFiles;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.VendorParser;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.ProbeVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Auto-detection that finds no parser says each parser's reason; parsers written before reasons still work. */
class ParserReasonsTest {
    /** A parser of the first SPI: probe only, no reason. */
    static class OldParser implements VendorParser {
        @Override
        public int spiVersion() {
            return io.battdat.api.spi.Spi.VERSION;
        }

        @Override
        public String formatName() {
            return "old";
        }

        @Override
        public String description() {
            return "a parser that gives no reasons";
        }

        @Override
        public List<String> extensions() {
            return List.of("dat");
        }

        @Override
        public ProbeResult probe(FileProbe probe) {
            return probe.extension().equals("dat") && new String(probe.head()).startsWith("OLD")
                    ? ProbeResult.SIGNATURE : ProbeResult.NO;
        }

        @Override
        public void parse(CellFiles cell, ParseContext context) {
            throw new UnsupportedOperationException("not parsed in this test");
        }
    }

    /** A parser that explains itself. */
    static class TalkingParser extends OldParser {
        @Override
        public String formatName() {
            return "talking";
        }

        @Override
        public ProbeResult probe(FileProbe probe) {
            return explainProbe(probe).result();
        }

        @Override
        public ProbeVerdict explainProbe(FileProbe probe) {
            return new String(probe.head()).contains("Voltage") ? ProbeVerdict.signature()
                    : ProbeVerdict.no("missing column 'Voltage'");
        }
    }

    private final StorageRegistry registry = StorageRegistry.of(List.of(), List.of(),
            List.of(new OldParser(), new TalkingParser()), List.of());

    @Test
    void noParserListsEveryReason(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
        PluginException e = assertThrows(PluginException.class, () -> registry.parserFor(csv));
        assertTrue(e.getMessage().contains("old: not a .dat file; talking: missing column 'Voltage'"), e.getMessage());
        Path dat = Files.writeString(dir.resolve("x.dat"), "NEW\n");
        e = assertThrows(PluginException.class, () -> registry.parserFor(dat));
        assertTrue(e.getMessage().contains("old: does not recognise it"), e.getMessage());
    }

    @Test
    void theDefaultKeepsTheOldVerdict(@TempDir Path dir) throws IOException {
        Path dat = Files.writeString(dir.resolve("x.dat"), "OLD\n");
        assertSame(OldParser.class, registry.parserFor(dat).getClass());
        assertEquals(ProbeResult.SIGNATURE, new OldParser().explainProbe(StorageRegistry.probeOf(dat)).result());
    }
}
