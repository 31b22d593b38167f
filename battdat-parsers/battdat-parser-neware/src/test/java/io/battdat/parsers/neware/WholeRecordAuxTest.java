package io.battdat.parsers.neware;

import io.battdat.api.BattdatException;
import io.battdat.parsers.csv.testing.DamageTrials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Auxiliary members of {@code .ndax} archives that keep whole records (ndc versions 2 and 5, BTS 7/8). No public
 * sample of these is at hand, so the archives are written here, in the layout the README describes: data records
 * {@code 0x55} and auxiliary records {@code 0x65}/{@code 0x74} that name their data record by index (u32 at 8),
 * with the voltage (i32, 0.1 mV, at 31) and the temperature (i16, 0.1 C, at 41).
 */
class WholeRecordAuxTest {
    private static final int RECORDS = 10;
    /** The data record without an auxiliary reading. */
    private static final int MISSING = 4;
    private static final byte[] DATA_TAG = {0x55, 1, 2, 3, 4, 5, 6, 7};
    private static final byte[] AUX_TAG = {0x65, 1, 2, 3, 4, 5, 6, 7};

    @TempDir
    Path dir;

    @Test
    void version5AuxiliaryMemberGivesTheTemperature() throws IOException {
        Path f = archive("v5.ndax", pagedMember(1, true), pagedMember(5, false));
        checkTemperatures(f);
    }

    @Test
    void version2AuxiliaryMemberGivesTheTemperature() throws IOException {
        Path f = archive("v2.ndax", taggedMember(1, true), taggedMember(5, false));
        checkTemperatures(f);
    }

    @Test
    void truncatedVersion2AuxiliaryMemberIsNamed() throws IOException {
        byte[] aux = taggedMember(5, false);
        Path f = archive("cut.ndax", taggedMember(1, true), Arrays.copyOf(aux, aux.length - 50));
        BattdatException e = assertThrows(BattdatException.class,
                () -> NewareParserTest.convert(f, dir.resolve("cut.h5")));
        assertTrue(e.getMessage().contains("data_AUX_1_1_1.ndc") && e.getMessage().contains("truncated"),
                e.getMessage());
        assertTrue(Files.notExists(dir.resolve("cut.h5")));
    }

    @Test
    void damagedWholeRecordArchivesConvertOrFailTyped() throws IOException {
        java.util.Random random = new java.util.Random(16);
        DamageTrials trials = new DamageTrials(java.time.Duration.ofSeconds(60));
        for (int trial = 0; trial < 160; trial++) {
            boolean paged = trial % 2 == 0;
            byte[] data = paged ? pagedMember(1, true) : taggedMember(1, true);
            byte[] aux = paged ? pagedMember(5, false) : taggedMember(5, false);
            if (trial % 4 < 2) {
                aux = DamagedInputTest.damage(aux, random);
            } else {
                data = DamagedInputTest.damage(data, random);
            }
            Path f = archive("d" + trial + ".ndax", data, aux);
            Path out = dir.resolve("d" + trial + ".h5");
            String what = "trial " + trial;
            trials.run(what, () -> NewareParserTest.convert(f, out),
                    e -> assertTrue(Files.notExists(out), what + ": output left behind"));
        }
        trials.assertBothOutcomes();
    }

    private void checkTemperatures(Path f) {
        Path out = dir.resolve(f.getFileName() + ".h5");
        NewareParserTest.convert(f, out);
        double[] t = NewareParserTest.doubles(out, "temperature");
        double[] v = NewareParserTest.doubles(out, "voltage");
        double[] auxV = NewareParserTest.doubles(out, "aux_voltage_7");
        assertEquals(RECORDS, t.length);
        for (int n = 0; n < RECORDS; n++) {
            assertEquals(3.7 + n * 1e-4, v[n], 1e-12);
            if (n + 1 == MISSING) {
                assertTrue(Double.isNaN(t[n]) && Double.isNaN(auxV[n]), "no reading for record " + MISSING);
            } else {
                assertEquals(25.0 + n / 10.0, t[n], 1e-9, "record " + (n + 1));
                assertEquals(1.5 + n * 1e-4, auxV[n], 1e-12);
            }
        }
    }

    /** One record (data or auxiliary) of a whole-record member, {@code n} counting from 0. */
    private static byte[] record(int n, boolean data, int length, int tagAt) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        byte[] tag = data ? DATA_TAG : AUX_TAG;
        b.put(tagAt, tag, 0, tagAt == 0 ? tag.length : 1);
        b.putInt(8, n + 1);
        if (data) {
            b.putInt(12, 1);
            b.put(16, (byte) 1);
            b.put(17, (byte) 1);
            b.putLong(23, n * 1000L);
            b.putInt(31, 37_000 + n);
            b.putInt(35, 100);
            b.putShort(75, (short) 2020);
            b.put(77, (byte) 1);
            b.put(78, (byte) 2);
            b.put(79, (byte) 3);
            b.put(80, (byte) 4);
            b.put(81, (byte) n);
            b.putInt(82, 1000);
        } else {
            b.put(3, (byte) 7);
            b.putInt(31, 15_000 + n);
            b.putShort(41, (short) (250 + n));
        }
        return b.array();
    }

    /** Version 5: a 4096-byte header, then pages with 87-byte slots from offset 125, the kind at slot byte 7. */
    private static byte[] pagedMember(int fileType, boolean data) {
        byte[] page = new byte[4096];
        int at = 125;
        for (int n = 0; n < RECORDS; n++) {
            if (!data && n + 1 == MISSING) {
                continue;
            }
            System.arraycopy(record(n, data, 87, 7), 0, page, at, 87);
            at += 87;
        }
        byte[] member = new byte[8192];
        member[0] = (byte) fileType;
        member[2] = 5;
        System.arraycopy(page, 0, member, 4096, 4096);
        return member;
    }

    /** Version 2: records of 94 bytes from offset 517, each starting with the same 8 bytes. */
    private static byte[] taggedMember(int fileType, boolean data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = new byte[517];
        head[0] = (byte) fileType;
        head[2] = 2;
        out.writeBytes(head);
        for (int n = 0; n < RECORDS; n++) {
            if (!data && n + 1 == MISSING) {
                continue;
            }
            out.writeBytes(record(n, data, 94, 0));
        }
        return out.toByteArray();
    }

    private Path archive(String name, byte[] data, byte[] aux) throws IOException {
        Path f = dir.resolve(name);
        String testInfo = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><root><config><TestInfo DevID=\"1\">"
                + "<Aux1 AuxID=\"7\" ChlType=\"103\"/></TestInfo></config></root>";
        try (OutputStream os = Files.newOutputStream(f);
             java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(os)) {
            z.putNextEntry(new java.util.zip.ZipEntry("TestInfo.xml"));
            z.write(testInfo.getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new java.util.zip.ZipEntry(NdaxReader.DATA));
            z.write(data);
            z.putNextEntry(new java.util.zip.ZipEntry("data_AUX_1_1_1.ndc"));
            z.write(aux);
            z.closeEntry();
        }
        return f;
    }
}
