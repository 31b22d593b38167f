package io.battdat.parsers.neware;

import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.json.Json;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.parse.ParseOptions;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.parsers.csv.testing.Conversions;
import io.battdat.streaming.convert.ConvertReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.battdat.parsers.csv.testing.Conversions.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewareParserTest {
    @TempDir
    Path dir;

    static ConvertReport convert(Path in, Path out) {
        return Conversions.convert("neware", out, ParseOptions.defaults(), in);
    }

    /** Every sample against the independent reader's facts (rows, times, sums, extremes, cycles). */
    @ParameterizedTest
    @ValueSource(strings = {Samples.V29, Samples.V130, Samples.NDAX})
    @SuppressWarnings("unchecked")
    void samplesMatchTheReferenceFacts(String name) throws IOException {
        Path sample = Samples.get(name);
        Path expected = Samples.dir().getParent().resolve("expected.json");
        Map<String, Object> facts = null;
        for (Object f : (List<Object>) ((Map<String, Object>) Json.parse(Files.readString(expected))).get("files")) {
            Map<String, Object> file = (Map<String, Object>) f;
            if (file.get("file").equals("neware/" + name)) {
                facts = (Map<String, Object>) file.get("facts");
            }
        }
        assertTrue(facts != null, "no facts for " + name);
        Path out = dir.resolve(name + ".h5");
        ConvertReport report = convert(sample, out);
        long rows = ((Number) facts.get("rows")).longValue();
        assertEquals(rows, report.rowsWritten());
        double[] time = doubles(out, "test_time");
        double[] current = doubles(out, "current");
        double[] voltage = doubles(out, "voltage");
        assertEquals(rows, time.length);
        assertEquals(num(facts, "test_time_first"), time[0], 1e-3);
        assertEquals(num(facts, "test_time_last"), time[time.length - 1], 1e-3);
        for (int i = 1; i < time.length; i++) {
            assertTrue(time[i] >= time[i - 1], "test_time decreases at row " + i);
        }
        check(facts, "current", current);
        check(facts, "voltage", voltage);
        long distinct = column(out, "raw_data", "cycle_number").stream().distinct().count();
        assertEquals(((Number) facts.get("cycle_distinct")).longValue(), distinct);
        assertEquals(0L, column(out, "raw_data", "cycle_number").get(0));
    }

    private static void check(Map<String, Object> facts, String name, double[] v) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double scale = Math.max(Math.abs(num(facts, name + "_sum")), num(facts, name + "_abs_sum"));
        assertEquals(num(facts, name + "_sum"), sum, 1e-6 * scale, name + " sum");
        assertEquals(num(facts, name + "_min"), min, 1e-6 * scale, name + " min");
        assertEquals(num(facts, name + "_max"), max, 1e-6 * scale, name + " max");
    }

    private static double num(Map<String, Object> facts, String key) {
        return ((Number) facts.get(key)).doubleValue();
    }

    static double[] doubles(Path h5, String name) {
        return column(h5, "raw_data", name).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    }

    @Test
    void stepTimeIsRebuiltIntoTotalTimeInVersion29() {
        Path out = dir.resolve("v29.h5");
        convert(Samples.get(Samples.V29), out);
        double[] total = doubles(out, "test_time");
        double[] step = doubles(out, "step_time");
        List<Object> steps = column(out, "raw_data", "step_number");
        double offset = 0;
        for (int i = 0; i < total.length; i++) {
            if (i > 0 && !steps.get(i).equals(steps.get(i - 1))) {
                offset += step[i - 1];
            }
            assertEquals(offset + step[i], total[i], 1e-9, "row " + i);
        }
        assertTrue(new HashSet<>(column(out, "raw_data", "state")).containsAll(List.of("discharging", "resting")));
    }

    @Test
    void ndaxTemperatureAndMetadata() {
        Path sample = Samples.get(Samples.NDAX);
        Path out = dir.resolve("ndax.h5");
        convert(sample, out);
        double[] t = doubles(out, "temperature");
        assertTrue(Arrays.stream(t).allMatch(x -> x > 20 && x < 40), "temperatures in C");
        // each row's temperature is the aux member's reading of its record index: one f32 per index, 990 to a
        // 4096-byte page from page offset 132, after a 4096-byte header (NewareNDA reads ndc 17 aux files so)
        byte[] aux;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(sample.toFile())) {
            aux = zip.getInputStream(zip.getEntry("data_AUX_225_3_1.ndc")).readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(aux).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        double[] index = doubles(out, "record_index");
        assertEquals(80, t.length);
        for (int r = 0; r < t.length; r++) {
            long k = (long) index[r] - 1;
            assertEquals(b.getFloat((int) (4096 + (k / 990) * 4096 + 132 + (k % 990) * 4)), t[r], 0.0, "row " + r);
        }
        BatteryMetadata m = NewareParser.readMetadata(sample);
        assertEquals("Test_Data_Collection_Ndc17", m.comments());
        String json = m.toJson();
        assertTrue(json.contains("TESTCELL0001"), json);
        assertTrue(json.contains("BTSServer(R3)-8.0.1.437"), json);
        assertTrue(json.contains("2025-09-24"), json);
    }

    @Test
    void ndaMetadata() {
        String json = NewareParser.readMetadata(Samples.get(Samples.V29)).toJson();
        assertTrue(json.contains("BTSServer(R3)-7.6.0.301"), json);
        assertTrue(json.contains("\"nda_version\":29") || json.contains("\"nda_version\": 29"), json);
    }

    @Test
    void probeUsesSignaturesNotOnlyNames() throws IOException {
        NewareParser p = new NewareParser();
        for (String name : List.of(Samples.V29, Samples.V130, Samples.NDAX)) {
            Path renamed = Files.copy(Samples.get(name), dir.resolve(name + ".bin"));
            assertEquals(ProbeResult.SIGNATURE, p.probe(probe(renamed)), name);
        }
        Path zip = zip(dir.resolve("other.zip"), Map.of("readme.txt", "hello".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(ProbeResult.NO, p.probe(probe(zip)));
        Path csv = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
        assertEquals(ProbeResult.NO, p.probe(probe(csv)));
    }

    static FileProbe probe(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new FileProbe(file, false, Arrays.copyOf(all, Math.min(all.length, FileProbe.HEAD_BYTES)));
    }

    @Test
    void truncatedNdaNamesTheFileAndTheRecord() throws IOException {
        byte[] all = Files.readAllBytes(Samples.get(Samples.V29));
        Path cut = Files.write(dir.resolve("cut.nda"), Arrays.copyOf(all, all.length - 40));
        BadFormatException e = assertThrows(BadFormatException.class, () -> convert(cut, dir.resolve("cut.h5")));
        assertTrue(e.getMessage().contains("cut.nda") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void recordWithAnUnknownCurrentRangeIsABadLine() throws IOException {
        byte[] all = Files.readAllBytes(Samples.get(Samples.V29));
        int second = NdaScaler.dataStart(all) + 86;
        all[second + 78] = 0x7B; // range 123 mA: not one of Neware's
        Path f = Files.write(dir.resolve("range.nda"), all);
        BadFormatException e = assertThrows(BadFormatException.class, () -> convert(f, dir.resolve("r.h5")));
        assertTrue(e.getMessage().contains("range.nda") && e.getMessage().contains("current range 123"),
                e.getMessage());
        ConvertReport skipped = Conversions.convert("neware", dir.resolve("r2.h5"),
                ParseOptions.defaults().withSkipBadLines(true), f);
        assertEquals(438, skipped.rowsWritten());
    }

    @Test
    void truncatedNdaxIsNamed() throws IOException {
        byte[] all = Files.readAllBytes(Samples.get(Samples.NDAX));
        Path cut = Files.write(dir.resolve("cut.ndax"), Arrays.copyOf(all, all.length / 2));
        BadFormatException e = assertThrows(BadFormatException.class, () -> convert(cut, dir.resolve("c.h5")));
        assertTrue(e.getMessage().contains("cut.ndax") && e.getMessage().contains("zip"), e.getMessage());
    }

    @Test
    void unknownVersionIsNamed() throws IOException {
        byte[] all = Files.readAllBytes(Samples.get(Samples.V29));
        all[14] = 99;
        Path f = Files.write(dir.resolve("v99.nda"), all);
        BadFormatException e = assertThrows(BadFormatException.class, () -> convert(f, dir.resolve("v99.h5")));
        assertTrue(e.getMessage().contains("v99.nda") && e.getMessage().contains("version 99"), e.getMessage());
    }

    @Test
    void zipWithoutTheDataMemberIsNamed() throws IOException {
        Path f = zip(dir.resolve("empty.ndax"), Map.of("TestInfo.xml", "<root/>".getBytes(StandardCharsets.US_ASCII)));
        BadFormatException e = assertThrows(BadFormatException.class, () -> convert(f, dir.resolve("e.h5")));
        assertTrue(e.getMessage().contains("empty.ndax") && e.getMessage().contains("data.ndc"), e.getMessage());
    }

    @Test
    void splitArchiveWithoutRunInfoIsNamed() throws IOException {
        Path f = dir.resolve("norun.ndax");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f));
             java.util.zip.ZipFile in = new java.util.zip.ZipFile(Samples.get(Samples.NDAX).toFile())) {
            ZipEntry data = in.getEntry("data.ndc");
            z.putNextEntry(new ZipEntry("data.ndc"));
            in.getInputStream(data).transferTo(z);
            z.closeEntry();
        }
        BadFormatException e = assertThrows(BadFormatException.class, () -> convert(f, dir.resolve("n.h5")));
        assertTrue(e.getMessage().contains("data_runInfo.ndc"), e.getMessage());
    }

    @Test
    void encryptedArchiveIsNamed() throws IOException {
        Path f = zip(dir.resolve("locked.ndax"), Map.of("data.ndc", new byte[8192]));
        byte[] b = Files.readAllBytes(f);
        // set the "encrypted" flag (bit 0 of the general purpose flags) in local and central headers
        for (int i = 0; i + 4 <= b.length; i++) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 3 && b[i + 3] == 4) {
                b[i + 6] |= 1;
            } else if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 1 && b[i + 3] == 2) {
                b[i + 8] |= 1;
            }
        }
        Files.write(f, b);
        BadFormatException e = assertThrows(BadFormatException.class, () -> convert(f, dir.resolve("l.h5")));
        assertTrue(e.getMessage().contains("locked.ndax") && e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void notNewareAtAll() throws IOException {
        Path f = Files.writeString(dir.resolve("junk.nda"), "hello world, not a cycler file");
        assertThrows(BattdatException.class, () -> convert(f, dir.resolve("j.h5")));
    }

    static Path zip(Path file, Map<String, byte[]> members) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                z.putNextEntry(new ZipEntry(m.getKey()));
                z.write(m.getValue());
                z.closeEntry();
            }
        }
        return file;
    }
}
