package io.battdat.parsers.neware;

import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.WallClock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Streams the records of a Neware {@code .nda} file (see the module README for the layouts): versions 8 (59-byte
 * records), 22, 26 and 29 (BTS 7/8, 86-byte integer records after a header of variable length, times per step)
 * and 130 (BTS 9.0: 88-byte
 * records; BTS 9.1: float records of a length the file shows, usually 56 bytes; times cumulative). The file is
 * read once, front to back, through a window of {@link #WINDOW} bytes.
 */
final class NdaReader {
    static final byte[] MAGIC = {'N', 'E', 'W', 'A', 'R', 'E'};
    static final int VERSION_OFFSET = 14;
    static final int WINDOW = 1 << 20;
    /** Where version 130 files start their records. */
    static final int V130_DATA_OFFSET = 1024;

    private static final int V29_RECORD = 86;
    private static final byte[] V29_START = {0, 0, 0, 0, 0x55, 0};
    private static final byte[] V22_START = {(byte) 0xAA, 0, 1, 0, 0, 0};
    private static final int V8_RECORD = 59;
    private static final byte[] V8_START = {(byte) 0xFF, 1, 0, 0, 0};
    private static final int V130_BTS90_RECORD = 88;
    private static final int END_OF_DATA = 0x81;

    private final Path file;
    private final ParseContext context;
    private final WallClock clock;

    NdaReader(Path file, ParseContext context) {
        this.file = file;
        this.context = context;
        this.clock = new WallClock(context.options().zone());
    }

    void read() {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw NewareErrors.io(file, null, e);
        }
        try (ByteWindow w = new ByteWindow(in, file, null, WINDOW)) {
            if (w.ensure(V130_DATA_OFFSET) < VERSION_OFFSET + 1 || !w.matches(0, MAGIC)) {
                throw NewareErrors.bad(file, null, "not a Neware .nda file: it does not start with NEWARE");
            }
            int version = w.u8(VERSION_OFFSET);
            switch (version) {
                case 26, 29 -> readV29(w, false);
                case 22 -> readV29(w, true);
                case 8 -> readV8(w);
                case 130 -> readV130(w);
                default -> throw NewareErrors.bad(file, null, "nda version " + version + " (byte 14) is not "
                        + "supported; this reader knows versions 8, 22, 26, 29 and 130");
            }
        }
        try {
            // the loops report whole blocks of records; the rest of the file (its tail, a footer) is read too
            progress(Files.size(file) - progressReported);
        } catch (IOException e) {
            // progress only
        }
    }

    private long progressReported;

    private void progress(long bytes) {
        if (bytes > 0) {
            context.progress(bytes);
            progressReported += bytes;
        }
    }

    // ------------------------------------------------------------------ version 29

    /**
     * Versions 22, 26 and 29: 86-byte integer records. Version 22 stores the date as UNIX seconds where 29 has
     * wall-clock fields, and its data starts at the first record of kind 0xAA with index 1.
     */
    private void readV29(ByteWindow w, boolean version22) {
        if (version22) {
            findFirst(w, V22_START, V29_RECORD, "nda version 22");
        } else {
            findV29Start(w);
        }
        RowSink sink = new RowSink(file.toString(), auxShape(w, V29_RECORD, 0, false), context);
        int partial = readRecords(w, V29_RECORD, record -> {
            boolean tail = record.i32(82) == 0;
            int kind = record.u8(0);
            if (kind == 0x55 && record.u8(1) == 0 && tail) {
                if (decodeV29(record, sink, version22)) {
                    sink.emit();
                }
            } else if (kind == 0x65 && tail) {
                sink.aux(record.u32(2), record.u8(1), record.i16(34) / 10.0, record.i32(22) / 10000.0);
            }
        });
        if (partial > 0) {
            throw truncated(w, partial, V29_RECORD);
        }
        finish(sink);
    }

    /**
     * Hands each whole record of {@code length} bytes to {@code record}, with the window at its first byte, and
     * reports progress.
     *
     * @return the bytes of a last, partial record; 0 when the data ends at a record's end
     */
    private int readRecords(ByteWindow w, int length, Consumer<ByteWindow> record) {
        long position = 0;
        while (true) {
            int have = w.ensure(length);
            if (have < length) {
                return have;
            }
            record.accept(w);
            w.skip(length);
            if ((++position & 0xFFFF) == 0) {
                progress(length * 0x10000L);
            }
        }
    }

    /**
     * Moves the window to the first record: the 4 zero bytes before a 0x55 0x00 record tag, where the record has a
     * step type and the next record (if any) starts with 0x55 as well. The header before it has no fixed length.
     */
    private void findV29Start(ByteWindow w) {
        while (true) {
            int have = w.ensure(V29_START.length + V29_RECORD + 1);
            if (have < V29_START.length + V29_RECORD) {
                throw NewareErrors.bad(file, null, "nda version 29: no data record found (the file ends at "
                        + (w.offset() + have) + " bytes)");
            }
            if (w.matches(0, V29_START) && w.u8(4 + 12) != 0
                    && (have == V29_START.length + V29_RECORD || w.u8(4 + V29_RECORD) == 0x55)) {
                w.skip(4);
                return;
            }
            w.skip(1);
        }
    }

    /** Fills the sink from a version 29 record; false for the empty records (index or status 0) to skip. */
    private boolean decodeV29(ByteWindow w, RowSink s, boolean unixDate) {
        long index = w.u32(2);
        int status = w.u8(12);
        if (index == 0 || status == 0) {
            return false;
        }
        double scale = CurrentRange.scale(w.i32(78));
        if (Double.isNaN(scale)) {
            context.badLine(NewareErrors.badRange(file, null, index, w.i32(78)));
            return false;
        }
        s.recordIndex = index;
        s.protocolStep = w.u16(10);
        s.status = status;
        s.stepKey = w.u32(10); // step number, status and the byte after: Neware's step changes
        s.stepTime = w.i64(14) / 1000.0;
        s.voltage = w.i32(22) / 10000.0;
        s.current = w.i32(26) * scale / 1000.0;
        // capacities in mA-s, energies in mW-s (times the range's scale)
        double toAmpHours = scale / 3600.0 / 1000.0;
        s.chargeCapacity = w.i64(38) * toAmpHours;
        s.dischargeCapacity = w.i64(46) * toAmpHours;
        s.chargeEnergy = w.i64(54) * toAmpHours;
        s.dischargeEnergy = w.i64(62) * toAmpHours;
        s.timestamp = unixDate ? (double) w.i64(70)
                : wallClock(w.u16(70), w.u8(72), w.u8(73), w.u8(74), w.u8(75), w.u8(76));
        return true;
    }

    /** Moves the window to the first occurrence of {@code start}, which begins the data section. */
    private void findFirst(ByteWindow w, byte[] start, int recordLength, String what) {
        while (true) {
            int have = w.ensure(recordLength);
            if (have < start.length) {
                throw NewareErrors.bad(file, null, what + ": no data record found (the file ends at "
                        + (w.offset() + have) + " bytes)");
            }
            if (w.matches(0, start)) {
                return;
            }
            w.skip(1);
        }
    }

    /**
     * Version 8 (BTS 5/6): 59-byte records after a first one of kind 0xFF with index 1; data records are of kind 0,
     * with step time in s, current in uA, one signed capacity and energy and the date in UNIX seconds.
     */
    private void readV8(ByteWindow w) {
        findFirst(w, V8_START, V8_RECORD, "nda version 8");
        RowSink sink = new RowSink(file.toString(), RowSink.Shape.plain(false, true, false), context);
        int partial = readRecords(w, V8_RECORD, record -> {
            if (record.u8(0) == 0) {
                sink.recordIndex = record.u32(1);
                sink.protocolStep = record.u8(9);
                sink.stepKey = record.u8(9);
                sink.status = record.u8(10);
                sink.stepTime = record.u32(11);
                sink.voltage = record.i32(15) / 10000.0;
                sink.current = record.i32(19) / 1e6;
                double sign = Math.signum(sink.current);
                double capacity = record.i64(31) * sign / 3.6e9; // uA-s to A-hr, signed by the current
                double energy = record.i64(39) * sign / 3.6e9;
                sink.chargeCapacity = capacity > 0 ? capacity : 0;
                sink.dischargeCapacity = capacity < 0 ? -capacity : 0;
                sink.chargeEnergy = energy > 0 ? energy : 0;
                sink.dischargeEnergy = energy < 0 ? -energy : 0;
                sink.timestamp = record.i64(47);
                sink.emit();
            }
        });
        if (partial > 0) {
            // version 8 files may end in a short tail after the last record
            context.warn(file + ": " + partial + " bytes after the last whole record (at byte " + w.offset()
                    + ") are ignored");
        }
        finish(sink);
    }

    private double wallClock(int year, int month, int day, int hour, int minute, int second) {
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
                || second > 60) {
            return Double.NaN;
        }
        return clock.epochSeconds(year, month, day, hour, minute, second);
    }

    // ------------------------------------------------------------------ version 130

    private void readV130(ByteWindow w) {
        int have = w.ensure(V130_DATA_OFFSET + 2);
        w.skip(Math.min(have, V130_DATA_OFFSET));
        have = w.ensure(WINDOW);
        if (have < 2) {
            throw NewareErrors.bad(file, null, "nda version 130: the file ends before its first record at byte "
                    + V130_DATA_OFFSET);
        }
        if (w.u8(0) == 0x55) {
            readBts91(w, have);
        } else {
            readBts90(w);
        }
    }

    /**
     * BTS 9.1: the record length is not stored; it is the distance to the next record, found as the next
     * occurrence of the first record's two leading bytes (tag and step number), as the Python readers do.
     */
    private void readBts91(ByteWindow w, int have) {
        int length = -1;
        for (int k = 2; k + 1 < Math.min(have, 512); k++) {
            if (w.u8(k) == w.u8(0) && w.u8(k + 1) == w.u8(1)) {
                length = k;
                break;
            }
        }
        if (length < 0 && have < 512) {
            length = have; // a single record
        }
        if (length < 52) {
            throw NewareErrors.bad(file, null, "nda version 130 (BTS 9.1): cannot tell the record length (the "
                    + "first record at byte 1024 is not followed by another within 512 bytes)");
        }
        boolean inlineTemperature = length >= 56;
        RowSink sink = new RowSink(file.toString(), RowSink.Shape.plain(true, true, inlineTemperature), context);
        long position = 0;
        while (true) {
            have = w.ensure(length);
            if (have == 0) {
                context.warn(file + ": nda version 130 without its end-of-data record (0x81): the file may be cut");
                break;
            }
            int kind = w.u8(0);
            if (kind == END_OF_DATA) {
                break;
            }
            if (have < length) {
                throw truncated(w, have, length);
            }
            if (kind == 0x55) {
                sink.protocolStep = w.u8(2);
                sink.status = w.u8(3);
                sink.recordIndex = w.u32(8);
                long cycle = w.u32(36);
                sink.stepKey = (cycle << 8) | w.u8(2);
                sink.stepTime = w.u32(12) + w.u32(16) * 1e-9;
                sink.current = w.f32(20) / 1000.0;
                sink.voltage = w.f32(24);
                double capacity = w.f32(28) / 3600.0 / 1000.0; // mA-s, signed: positive while charging
                double energy = w.f32(32) / 3600.0 / 1000.0;
                sink.chargeCapacity = capacity > 0 ? capacity : 0;
                sink.dischargeCapacity = capacity < 0 ? -capacity : 0;
                sink.chargeEnergy = energy > 0 ? energy : 0;
                sink.dischargeEnergy = energy < 0 ? -energy : 0;
                sink.timestamp = w.u32(44) + w.u32(48) * 1e-9;
                if (inlineTemperature) {
                    sink.temperature = w.f32(52);
                }
                sink.emit();
            }
            w.skip(length);
            if ((++position & 0xFFFF) == 0) {
                progress((long) length * 0x10000L);
            }
        }
        finish(sink);
    }

    /** BTS 9.0: 88-byte records that repeat the first record's 6 leading bytes; auxiliary records start 0 0 0 0 0x65. */
    private void readBts90(ByteWindow w) {
        byte[] tag = new byte[6];
        for (int k = 0; k < 6; k++) {
            tag[k] = (byte) w.u8(k);
        }
        RowSink sink = new RowSink(file.toString(), auxShape(w, V130_BTS90_RECORD, 4, true), context);
        long position = 0;
        while (true) {
            int have = w.ensure(V130_BTS90_RECORD);
            if (have == 0) {
                context.warn(file + ": nda version 130 without its end-of-data record (0x81): the file may be cut");
                break;
            }
            if (w.u8(0) == END_OF_DATA) {
                break;
            }
            if (have < V130_BTS90_RECORD) {
                throw truncated(w, have, V130_BTS90_RECORD);
            }
            if (w.matches(0, tag)) {
                int b = 4; // the record proper starts after 4 bytes
                sink.protocolStep = w.u8(b + 5);
                sink.status = w.u8(b + 6);
                sink.stepKey = w.u8(b + 5);
                sink.recordIndex = w.u32(b + 12);
                sink.stepTime = w.i64(b + 24) / 1e6;
                sink.voltage = w.f32(b + 32);
                sink.current = w.f32(b + 36) / 1000.0;
                sink.chargeCapacity = w.f32(b + 48) / 3600.0 / 1000.0;
                sink.chargeEnergy = w.f32(b + 52) / 3600.0 / 1000.0;
                sink.dischargeCapacity = w.f32(b + 56) / 3600.0 / 1000.0;
                sink.dischargeEnergy = w.f32(b + 60) / 3600.0 / 1000.0;
                sink.timestamp = w.i64(b + 64) / 1e6;
                sink.emit();
            } else if (w.i32(0) == 0 && w.u8(4) == 0x65) {
                sink.aux(w.u32(6), w.u8(5), w.i16(4 + 34) / 10.0, w.i32(4 + 22) / 10000.0);
            }
            w.skip(V130_BTS90_RECORD);
            if ((++position & 0xFFFF) == 0) {
                progress(V130_BTS90_RECORD * 0x10000L);
            }
        }
        finish(sink);
    }

    // ------------------------------------------------------------------ common

    /**
     * The auxiliary channels of the records in the window (the first megabyte of data): their columns are declared
     * before the first row. Channels that appear only later are reported and dropped.
     */
    private RowSink.Shape auxShape(ByteWindow w, int recordLength, int shift, boolean cumulative) {
        int have = w.ensure(WINDOW);
        TreeSet<Integer> channels = new TreeSet<>();
        for (int at = 0; at + recordLength <= have; at += recordLength) {
            boolean aux = shift == 0 ? w.u8(at) == 0x65 && w.i32(at + 82) == 0
                    : w.i32(at) == 0 && w.u8(at + 4) == 0x65;
            if (aux) {
                channels.add(w.u8(at + shift + 1));
            }
        }
        int[] ch = channels.stream().mapToInt(Integer::intValue).toArray();
        boolean[] t = new boolean[ch.length];
        boolean[] v = new boolean[ch.length];
        for (int k = 0; k < ch.length; k++) {
            t[k] = k > 0; // the first channel's temperature is the temperature column
            v[k] = true;
        }
        return new RowSink.Shape(cumulative, true, ch.length > 0, ch, t, v);
    }

    private RuntimeException truncated(ByteWindow w, int have, int length) {
        return NewareErrors.bad(file, null, "truncated: the record at byte " + w.offset() + " has " + have + " of its "
                + length + " bytes");
    }

    private void finish(RowSink sink) {
        if (sink.rows() == 0) {
            throw NewareErrors.bad(file, null, "no data records");
        }
        sink.finish();
    }
}
