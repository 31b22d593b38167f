package io.battdat.parsers.neware;

import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.WallClock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Streams a Neware {@code .ndax} archive: a zip of {@code .ndc} members and XML descriptions. Members are read as
 * streams straight from the archive, side by side (nothing is extracted): newer archives split each record over
 * {@code data.ndc} (voltage, current), {@code data_runInfo.ndc} (times, capacities, step) and {@code
 * data_step.ndc} (one record per step: cycle, step number, type), plus one member per auxiliary channel; all are
 * in record-index order, so one pass over each, in step, joins them. Older archives keep whole records in
 * {@code data.ndc}.
 */
final class NdaxReader {
    static final String DATA = "data.ndc";
    static final String RUN_INFO = "data_runInfo.ndc";
    static final String STEPS = "data_step.ndc";
    private static final Pattern AUX_NAME = Pattern.compile("data_AUX_(\\d+)_(\\d+)_(\\d+)\\.ndc");
    /** Archives of BTS 8.0 name auxiliary members {@code data_<n>.ndc}. */
    private static final Pattern AUX_SHORT_NAME = Pattern.compile(".*_(\\d+)\\.ndc");
    private static final int HEADER = 4096;
    private static final int WINDOW = 64 * 1024;
    private static final int TYPE_DATA = 1;
    private static final int TYPE_AUX = 5;
    private static final int TYPE_STEP = 7;
    private static final int TYPE_RUN_INFO = 18;
    /** Neware's channel type of temperature probes (TestInfo.xml, ChlType). */
    private static final String TEMPERATURE_TYPE = "103";

    private final Path file;
    private final ParseContext context;
    private final List<ByteWindow> open = new ArrayList<>();

    NdaxReader(Path file, ParseContext context) {
        this.file = file;
        this.context = context;
    }

    /** Opens the archive, naming an encrypted or damaged one. */
    static ZipFile openZip(Path file) {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("encrypted")) {
                throw NewareErrors.bad(file, null, "the .ndax archive is password-protected (encrypted zip "
                        + "entries); it cannot be read");
            }
            throw NewareErrors.bad(file, null, "not a readable .ndax (zip) archive: " + m);
        } catch (IOException e) {
            throw NewareErrors.io(file, null, e);
        }
    }

    void read() {
        try (ZipFile zip = openZip(file)) {
            try {
                readArchive(zip);
            } finally {
                for (ByteWindow w : open) {
                    w.close();
                }
            }
        } catch (IOException e) {
            throw NewareErrors.io(file, null, e);
        }
    }

    private void readArchive(ZipFile zip) {
        ZipEntry data = zip.getEntry(DATA);
        if (data == null) {
            throw NewareErrors.bad(file, null, "the archive has no " + DATA + " member (members: "
                    + memberNames(zip) + "): not a Neware .ndax");
        }
        ByteWindow dataWindow = member(zip, data);
        int[] head = header(dataWindow, DATA);
        if (head[0] != TYPE_DATA) {
            throw NewareErrors.bad(file, DATA, "ndc file type " + head[0] + " where data (1) was expected");
        }
        int version = head[1];
        switch (version) {
            case 2, 5 -> readWholeRecords(zip, dataWindow, version);
            case 11, 14, 16, 17 -> readSplit(zip, dataWindow, version);
            default -> throw NewareErrors.bad(file, DATA, "ndc version " + version + " is not supported; this "
                    + "reader knows versions 2, 5, 11, 14, 16 and 17");
        }
    }

    private static String memberNames(ZipFile zip) {
        List<String> names = new ArrayList<>();
        Enumeration<? extends ZipEntry> e = zip.entries();
        while (e.hasMoreElements() && names.size() < 12) {
            names.add(e.nextElement().getName());
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private ByteWindow member(ZipFile zip, ZipEntry entry) {
        InputStream in;
        try {
            in = zip.getInputStream(entry);
        } catch (ZipException e) {
            String m = String.valueOf(e.getMessage());
            throw NewareErrors.bad(file, entry.getName(), m.contains("encrypted")
                    ? "password-protected (encrypted) member; it cannot be read" : "damaged member: " + m);
        } catch (IOException e) {
            throw NewareErrors.io(file, entry.getName(), e);
        }
        ByteWindow w = new ByteWindow(in, file, entry.getName(), WINDOW);
        open.add(w);
        return w;
    }

    /** File type and ndc version of a member (bytes 0 and 2); leaves the window at the start. */
    private int[] header(ByteWindow w, String name) {
        if (w.ensure(8) < 8) {
            throw NewareErrors.bad(file, name, "too short for an ndc header (" + w.available() + " bytes)");
        }
        return new int[]{w.u8(0), w.u8(2)};
    }

    private void skipHeader(ByteWindow w, String name) {
        if (w.skipLong(HEADER) < HEADER) {
            throw NewareErrors.bad(file, name, "truncated: shorter than its " + HEADER + "-byte header");
        }
    }

    // ------------------------------------------------------------------ split members (ndc 11, 14, 16, 17)

    private void readSplit(ZipFile zip, ByteWindow dataWindow, int version) {
        ZipEntry runInfoEntry = zip.getEntry(RUN_INFO);
        ZipEntry stepEntry = zip.getEntry(STEPS);
        if (runInfoEntry == null || stepEntry == null) {
            throw NewareErrors.bad(file, DATA, "ndc version " + version + " holds only voltage and current, but "
                    + (runInfoEntry == null ? RUN_INFO : STEPS) + " (times, steps) is missing from the archive");
        }
        skipHeader(dataWindow, DATA);
        boolean tenthMillivolts = version == 11 || version == 16; // these store 0.1 mV and mA
        NdcPages data = new NdcPages(dataWindow, file, DATA, NdcPages.DATA).usingPageCounts();
        RunInfo runInfo = new RunInfo(zip, runInfoEntry, new Steps(zip, stepEntry));
        List<AuxMember> aux = auxMembers(zip);
        RowSink sink = new RowSink(file.toString(), auxShape(aux), context);
        ArchiveProgress progress = new ArchiveProgress(zip.getEntry(DATA).getSize());
        double lastDt = 0;
        double lastTime = 0;
        double lastStamp = Double.NaN;
        double lastChg = 0;
        double lastDchg = 0;
        double lastChgE = 0;
        double lastDchgE = 0;
        long lastStep = 0;
        long lastProtocolStep = 0;
        int lastStatus = -1;
        int gap = 0;
        double gapCapacity = 0;
        double gapEnergy = 0;
        long slots = 0;
        while (data.next()) {
            long k = data.number();
            double volts = data.f32(0);
            double amps = data.f32(4);
            if (tenthMillivolts) {
                volts *= 1e-4;
                amps /= 1000.0;
            }
            if ((++slots & 0xFFF) == 0) {
                progress.to(slots * 8);
            }
            if (volts == 0 && amps == 0 && !data.counted()) {
                continue; // an unused slot of a page whose header gives no count (pages are filled with zeros)
            }
            sink.recordIndex = k;
            sink.voltage = volts;
            sink.current = amps;
            if (runInfo.advanceTo(k) && runInfo.index == k) {
                lastTime = runInfo.time;
                lastDt = runInfo.dt;
                lastStamp = runInfo.stamp;
                lastChg = runInfo.chg;
                lastDchg = runInfo.dchg;
                lastChgE = runInfo.chgE;
                lastDchgE = runInfo.dchgE;
                lastStep = runInfo.stepCount;
                lastProtocolStep = runInfo.protocolStep;
                lastStatus = runInfo.status;
                gap = 0;
                gapCapacity = 0;
                gapEnergy = 0;
                sink.stepTime = lastTime;
                sink.timestamp = lastStamp;
                sink.chargeCapacity = lastChg;
                sink.dischargeCapacity = lastDchg;
                sink.chargeEnergy = lastChgE;
                sink.dischargeEnergy = lastDchgE;
            } else {
                // a record without its times (BTS 8 keeps only some): continue from the last one, one dt per record,
                // integrating current for the capacities, as the Python readers do
                gap++;
                double step = lastDt * amps / 3600.0;
                gapCapacity += step;
                gapEnergy += step * volts;
                sink.stepTime = lastTime + gap * lastDt;
                sink.timestamp = lastStamp + gap * lastDt;
                sink.chargeCapacity = Math.abs(lastChg) + Math.max(gapCapacity, 0);
                sink.dischargeCapacity = Math.abs(lastDchg) + Math.abs(Math.min(gapCapacity, 0));
                sink.chargeEnergy = Math.abs(lastChgE) + Math.max(gapEnergy, 0);
                sink.dischargeEnergy = Math.abs(lastDchgE) + Math.abs(Math.min(gapEnergy, 0));
            }
            sink.stepKey = lastStep;
            sink.protocolStep = lastProtocolStep;
            sink.status = lastStatus;
            sink.emit();
            for (AuxMember a : aux) {
                if (a.advanceTo(k)) {
                    sink.aux(k, a.channel, a.celsius, a.volts);
                }
            }
        }
        if (sink.rows() == 0) {
            throw NewareErrors.bad(file, DATA, "no data records");
        }
        sink.finish();
        progress.done();
    }

    /**
     * Progress over the whole archive, estimated from the share of {@code data.ndc} read: the other members are read
     * at the same pace, record by record, so the data member's share is the archive's.
     */
    private final class ArchiveProgress {
        private final long archive;
        private final long dataSize;
        private long reported;

        ArchiveProgress(long dataSize) {
            long size;
            try {
                size = java.nio.file.Files.size(file);
            } catch (IOException e) {
                size = 0;
            }
            this.archive = size;
            this.dataSize = dataSize;
        }

        void to(long dataBytes) {
            long now = dataSize > 0 && archive > 0 ? Math.min(archive, (long) ((double) archive * dataBytes / dataSize))
                    : dataBytes;
            if (now > reported) {
                context.progress(now - reported);
                reported = now;
            }
        }

        void done() {
            if (archive > reported) {
                context.progress(archive - reported);
                reported = archive;
            }
        }
    }

    /** The run-info member: per record index, the step time, capacities, energies and step; read in step with data. */
    private final class RunInfo {
        private final NdcPages pages;
        private final Steps steps;
        private final int version;
        private final double capacityScale;
        private boolean ended;
        private long lastRawStep = Long.MIN_VALUE;
        long index = -1;
        double time;
        double dt;
        double stamp;
        double chg;
        double dchg;
        double chgE;
        double dchgE;
        long stepCount;
        long protocolStep;
        int status = -1;

        RunInfo(ZipFile zip, ZipEntry entry, Steps steps) {
            ByteWindow w = member(zip, entry);
            int[] head = header(w, RUN_INFO);
            if (head[0] != TYPE_RUN_INFO) {
                throw NewareErrors.bad(file, RUN_INFO, "ndc file type " + head[0] + " where run info (18) was expected");
            }
            version = head[1];
            skipHeader(w, RUN_INFO);
            pages = switch (version) {
                case 11 -> new NdcPages(w, file, RUN_INFO, new NdcPages.Slots(132, 4080, 47));
                case 14 -> new NdcPages(w, file, RUN_INFO, new NdcPages.Slots(132, 4092, 55));
                case 16, 17 -> new NdcPages(w, file, RUN_INFO, NdcPages.INFO_V16);
                default -> throw NewareErrors.bad(file, RUN_INFO, "run-info ndc version " + version
                        + " is not supported (11, 14, 16 and 17 are)");
            };
            // versions 14 and 17 store A-h and W-h; 11 and 16 store mA-s and mW-s
            capacityScale = version == 14 || version == 17 ? 1.0 : 1.0 / 3600.0 / 1000.0;
            this.steps = steps;
        }

        /**
         * Reads on until the record of index {@code k} or a later one (records of index 0 and repeated indexes are
         * skipped, as the Python readers do).
         *
         * @return false when the member has ended
         */
        boolean advanceTo(long k) {
            while (!ended && index < k) {
                if (!pages.next()) {
                    ended = true;
                    return false;
                }
                long idx = pages.u32(41);
                if (idx == 0 || idx <= index) {
                    continue;
                }
                index = idx;
                time = pages.i32(0) / 1000.0;
                chg = pages.f32(5) * capacityScale;
                dchg = pages.f32(9) * capacityScale;
                chgE = pages.f32(13) * capacityScale;
                dchgE = pages.f32(17) * capacityScale;
                dt = pages.i32(29) / 1000.0;
                stamp = pages.u32(33) + pages.i16(45) / 1000.0;
                long rawStep = pages.i32(37);
                if (rawStep != lastRawStep) {
                    lastRawStep = rawStep;
                    stepCount++;
                    steps.next();
                }
                protocolStep = steps.protocolStep;
                status = steps.status;
            }
            return !ended || index >= k;
        }
    }

    /** The step member: one record per step, in order; the n-th change of step in run info is its n-th record. */
    private final class Steps {
        private final NdcPages pages;
        private final boolean byIndex;
        private boolean ended;
        long protocolStep;
        int status = -1;

        Steps(ZipFile zip, ZipEntry entry) {
            ByteWindow w = member(zip, entry);
            int[] head = header(w, STEPS);
            if (head[0] != TYPE_STEP) {
                throw NewareErrors.bad(file, STEPS, "ndc file type " + head[0] + " where steps (7) was expected");
            }
            skipHeader(w, STEPS);
            pages = switch (head[1]) {
                case 11, 14 -> new NdcPages(w, file, STEPS, new NdcPages.Slots(132, 4091, 37));
                case 16, 17 -> new NdcPages(w, file, STEPS, NdcPages.INFO_V16);
                default -> throw NewareErrors.bad(file, STEPS, "step ndc version " + head[1]
                        + " is not supported (11, 14, 16 and 17 are)");
            };
            byIndex = head[1] >= 16;
        }

        /** Moves to the next step record; past the last one the last step's values stay. */
        void next() {
            while (!ended) {
                if (!pages.next()) {
                    ended = true;
                    context.warn(file + ": " + STEPS + " has fewer steps than " + RUN_INFO + " changes step; the "
                            + "last known step type is repeated");
                    return;
                }
                boolean used = byIndex ? pages.i32(33) != 0 : pages.i32(4) != 0;
                if (used) {
                    protocolStep = pages.u32(4);
                    status = pages.u8(24);
                    return;
                }
            }
        }
    }

    /** An auxiliary member: one reading per record index (or, in older layouts, records naming their index). */
    private final class AuxMember {
        private final NdcPages pages;
        /** Version 2 only: the member's bytes, scanned record by record. */
        private final ByteWindow records;
        private final byte[] tag = new byte[8];
        private final int layout;
        private final String name;
        final int channel;
        final boolean temperature;
        final boolean voltage;
        private boolean ended;
        private long index;
        private long matched;
        double celsius = Double.NaN;
        double volts = Double.NaN;

        AuxMember(ZipFile zip, ZipEntry entry, int channel, boolean temperatureChannel) {
            this.name = entry.getName();
            this.channel = channel;
            ByteWindow w = member(zip, entry);
            int[] head = header(w, name);
            if (head[0] != TYPE_AUX) {
                throw NewareErrors.bad(file, name, "ndc file type " + head[0] + " where auxiliary (5) was expected");
            }
            int v = head[1];
            if (v == 2) {
                // no pages: 94-byte records, each starting with the 8 bytes the first one (at 517) starts with
                layout = 5;
                pages = null;
                records = w;
                if (w.ensure(525) < 525) {
                    ended = true; // an auxiliary member without readings
                } else {
                    w.skip(517);
                    for (int k = 0; k < 8; k++) {
                        tag[k] = (byte) w.u8(k);
                    }
                }
                temperature = true;
                voltage = true;
                return;
            }
            records = null;
            skipHeader(w, name);
            if (v == 5) {
                layout = 4; // 87-byte slots of whole 0x65/0x74 records naming their data record's index
                pages = new NdcPages(w, file, name, NdcPages.WHOLE_RECORDS);
                temperature = true;
                voltage = true;
            } else if (v == 14 || v == 17) {
                layout = 1;
                pages = new NdcPages(w, file, name, NdcPages.AUX_V14);
                temperature = temperatureChannel;
                voltage = false;
            } else if (v == 16) {
                layout = 2;
                pages = new NdcPages(w, file, name, new NdcPages.Slots(132, 4094, 7));
                temperature = true;
                voltage = true;
            } else if (v == 11) {
                layout = 3; // 0x65 records: voltage and temperature, numbered by their order
                pages = new NdcPages(w, file, name, new NdcPages.Slots(132, 4094, 7));
                temperature = true;
                voltage = true;
            } else {
                throw NewareErrors.bad(file, name, "auxiliary ndc version " + v + " is not supported (2, 5, 11, "
                        + "14, 16 and 17 are)");
            }
        }

        /** Reads on to the reading of index {@code k}; true when there is one. */
        boolean advanceTo(long k) {
            if (layout == 5) {
                return advanceVersion2(k);
            }
            while (!ended && index < k) {
                if (!pages.next()) {
                    ended = true;
                    break;
                }
                switch (layout) {
                    case 1 -> {
                        index = pages.number();
                        celsius = pages.f32(0);
                    }
                    case 2 -> {
                        index = pages.number();
                        volts = pages.f32(1) * 1e-4;
                        celsius = pages.i16(5) / 10.0;
                    }
                    case 4 -> {
                        int kind = pages.u8(7);
                        if (kind != 0x65 && kind != 0x74) {
                            continue;
                        }
                        index = pages.u32(8);
                        volts = pages.i32(31) / 10000.0;
                        celsius = pages.i16(41) / 10.0;
                    }
                    default -> {
                        if (pages.u8(0) != 0x65) {
                            continue;
                        }
                        index = ++matched;
                        volts = pages.f32(1) / 10000.0;
                        celsius = pages.i16(5) / 10.0;
                    }
                }
            }
            return index == k;
        }

        private boolean advanceVersion2(long k) {
            ByteWindow w = records;
            while (!ended && index < k) {
                if (w.ensure(94) < tag.length) {
                    ended = true;
                    break;
                }
                if (!w.matches(0, tag)) {
                    w.skip(1);
                    continue;
                }
                if (w.available() < 94) {
                    throw NewareErrors.bad(file, name, "truncated: the record at byte " + w.offset() + " has "
                            + w.available() + " of its 94 bytes");
                }
                int kind = w.u8(0);
                if (kind == 0x65 || kind == 0x74) {
                    index = w.u32(8);
                    volts = w.i32(31) / 10000.0;
                    celsius = w.i16(41) / 10.0;
                }
                w.skip(94);
            }
            return index == k;
        }
    }

    /**
     * The auxiliary members, sorted by the numbers in their names and matched, in that order, to the Aux entries
     * of TestInfo.xml (channel id and type), as Neware lists them.
     */
    private List<AuxMember> auxMembers(ZipFile zip) {
        List<long[]> keys = new ArrayList<>();
        List<ZipEntry> entries = new ArrayList<>();
        Enumeration<? extends ZipEntry> e = zip.entries();
        while (e.hasMoreElements()) {
            ZipEntry z = e.nextElement();
            Matcher m = AUX_NAME.matcher(z.getName());
            Matcher shortName = AUX_SHORT_NAME.matcher(z.getName());
            try {
                if (m.matches()) {
                    keys.add(new long[]{Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                            Long.parseLong(m.group(3)), entries.size()});
                } else if (shortName.matches()) {
                    keys.add(new long[]{Long.parseLong(shortName.group(1)), 0, 0, entries.size()});
                } else {
                    continue;
                }
            } catch (NumberFormatException tooLong) {
                continue;
            }
            entries.add(z);
        }
        keys.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
        List<Map<String, String>> described = NewareMetadata.auxChannels(file, zip);
        if (!described.isEmpty() && described.size() != keys.size()) {
            context.warn(file + ": " + keys.size() + " auxiliary members but " + described.size()
                    + " auxiliary channels in TestInfo.xml; channels are numbered by member order");
        }
        List<AuxMember> out = new ArrayList<>();
        for (int n = 0; n < keys.size(); n++) {
            Map<String, String> d = described.size() == keys.size() ? described.get(n) : Map.of();
            int channel = n + 1;
            try {
                channel = Integer.parseInt(d.getOrDefault("AuxID", String.valueOf(n + 1)).trim());
            } catch (NumberFormatException bad) {
                // keep the member's position
            }
            String type = d.get("ChlType");
            boolean temperature = type == null || TEMPERATURE_TYPE.equals(type.trim());
            AuxMember a = new AuxMember(zip, entries.get((int) keys.get(n)[3]), channel, temperature);
            if (!a.temperature && !a.voltage) {
                context.warn(file + ": auxiliary channel " + channel + " (type " + type + ") is neither temperature "
                        + "nor voltage; it is not kept");
                continue;
            }
            out.add(a);
        }
        return out;
    }

    private static RowSink.Shape auxShape(List<AuxMember> aux) {
        int[] ch = new int[aux.size()];
        boolean[] t = new boolean[aux.size()];
        boolean[] v = new boolean[aux.size()];
        boolean temperatureTaken = false;
        for (int k = 0; k < ch.length; k++) {
            ch[k] = aux.get(k).channel;
            // the first channel's temperature is the temperature column (RowSink's rule)
            t[k] = aux.get(k).temperature && k > 0;
            v[k] = aux.get(k).voltage;
            temperatureTaken |= k == 0 && aux.get(k).temperature;
        }
        return new RowSink.Shape(false, true, temperatureTaken, ch, t, v);
    }

    // ------------------------------------------------------------------ whole records (ndc 2 and 5)

    private void readWholeRecords(ZipFile zip, ByteWindow w, int version) {
        WallClock clock = new WallClock(context.options().zone());
        List<AuxMember> aux = auxMembers(zip);
        RowSink sink = new RowSink(file.toString(), auxShape(aux), context);
        if (version == 5) {
            skipHeader(w, DATA);
            NdcPages pages = new NdcPages(w, file, DATA, NdcPages.WHOLE_RECORDS);
            while (pages.next()) {
                if (pages.u8(7) == 0x55) {
                    wholeRecord(pages, sink, clock, aux);
                }
            }
        } else {
            // version 2: records of 94 bytes, each starting with the 8 bytes the first one (at 517) starts with
            if (w.ensure(525) < 525) {
                throw NewareErrors.bad(file, DATA, "ndc version 2: too short for its first record at byte 517");
            }
            w.skip(517);
            byte[] tag = new byte[8];
            for (int k = 0; k < 8; k++) {
                tag[k] = (byte) w.u8(k);
            }
            while (w.ensure(94) >= tag.length) {
                if (w.matches(0, tag)) {
                    if (w.available() < 94) {
                        throw NewareErrors.bad(file, DATA, "truncated: the record at byte " + w.offset() + " has "
                                + w.available() + " of its 94 bytes");
                    }
                    if (w.u8(0) == 0x55) {
                        wholeRecord(w, sink, clock, aux);
                    }
                    w.skip(94);
                } else {
                    w.skip(1);
                }
            }
        }
        if (sink.rows() == 0) {
            throw NewareErrors.bad(file, DATA, "no data records");
        }
        sink.finish();
        new ArchiveProgress(0).done();
    }

    private void wholeRecord(RecordBytes r, RowSink s, WallClock clock, List<AuxMember> aux) {
        double scale = CurrentRange.scale(r.i32(82));
        if (Double.isNaN(scale)) {
            context.badLine(NewareErrors.badRange(file, DATA, r.u32(8), r.i32(82)));
            return;
        }
        double toAmpHours = scale / 3600.0 / 1000.0;
        s.recordIndex = r.u32(8);
        int stepIndex = r.u8(16);
        s.protocolStep = stepIndex;
        s.stepKey = stepIndex;
        s.status = r.u8(17);
        s.stepTime = r.i64(23) / 1000.0;
        s.voltage = r.i32(31) / 10000.0;
        s.current = r.i32(35) * scale / 1000.0;
        s.chargeCapacity = r.i64(43) * toAmpHours;
        s.dischargeCapacity = r.i64(51) * toAmpHours;
        s.chargeEnergy = r.i64(59) * toAmpHours;
        s.dischargeEnergy = r.i64(67) * toAmpHours;
        int year = r.u8(75) | (r.u8(76) << 8);
        int month = r.u8(77);
        int day = r.u8(78);
        int hour = r.u8(79);
        int minute = r.u8(80);
        int second = r.u8(81);
        s.timestamp = year < 1970 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
                || second > 60 ? Double.NaN : clock.epochSeconds(year, month, day, hour, minute, second);
        s.emit();
        long k = s.recordIndex;
        for (AuxMember a : aux) {
            if (a.advanceTo(k)) {
                s.aux(k, a.channel, a.celsius, a.volts);
            }
        }
    }
}
