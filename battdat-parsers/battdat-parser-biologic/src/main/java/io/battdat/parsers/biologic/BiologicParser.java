package io.battdat.parsers.biologic;

import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.metadata.CyclingProtocol;
import io.battdat.api.parse.CellFiles;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.Spi;
import io.battdat.parsers.common.NamedVendorParser;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BioLogic EC-Lab files: the binary {@code .mpr} (a "modular file": settings, data, log and loop modules) and the
 * {@code .mpt} text export. Each file is one cell.
 *
 * <p>{@code raw_data}: {@code cycle_number} ({@code cycle number} where stored, else {@code half cycle}, else 0;
 * as stored), {@code test_time} ({@code time/s} as stored, not re-based), {@code current} in A ({@code I/mA}, else
 * {@code <I>/mA}, else derived from the charge increment {@code dq/mA.h} over the time step as EC-Lab's export does,
 * else NaN), {@code voltage} ({@code Ewe/V}, else {@code <Ewe>/V}), and {@code temperature} where stored. Impedance
 * files (frequency, Re(Z) and -Im(Z) stored: PEIS, GEIS) also get an {@code eis_data} table with the
 * same rows. Nothing is derived by the engine (no state or steps: coin-cell currents are often below the rest
 * threshold). A column id this parser does not know fails the run unless {@link
 * io.battdat.api.parse.ParseOptions#skipUnknownColumns()} is set. See the module README for the layout.
 */
public final class BiologicParser extends NamedVendorParser {
    private static final byte[] MPT_SIGNATURE = MptReader.FIRST_LINE.getBytes(StandardCharsets.ISO_8859_1);

    /** The format name, what {@code battdat convert --format} takes. */
    public static final String FORMAT = "biologic";

    /** Creates the parser; does no I/O. */
    public BiologicParser() {
        super(FORMAT, "BioLogic EC-Lab binary .mpr files (GCPL, CV, PEIS, ...) and .mpt text exports", List.of("mpr", "mpt"));
    }

    @Override
    public ProbeResult probe(FileProbe probe) {
        byte[] head = probe.head();
        if (MprFile.hasMagic(head) || probe.hasBytesAt(0, MPT_SIGNATURE)) {
            return ProbeResult.SIGNATURE;
        }
        String ext = probe.extension();
        return ext.equals("mpr") || ext.equals("mpt") ? ProbeResult.EXTENSION : ProbeResult.NO;
    }

    @Override
    public void parse(CellFiles cell, ParseContext context) {
        if (cell.files().size() != 1) {
            throw new BadFormatException(ErrorLocation.of(cell.files().get(0), RowSink.RAW),
                    "a BioLogic cell is one file, got " + cell.files().size(), null);
        }
        Path file = cell.files().get(0);
        try {
            if (isMpr(file)) {
                new MprReader(file, context, context.options().skipUnknownColumns()).read();
            } else {
                new MptReader(file, context).read();
            }
        } catch (IndexOutOfBoundsException | BufferUnderflowException | NumberFormatException e) {
            // Every size is checked before use; this is the last guard so that damage never escapes untyped.
            throw new BadFormatException(ErrorLocation.of(file, RowSink.RAW), "malformed file: " + e, e);
        }
    }

    /**
     * The file's facts in the metadata: the settings' comments as {@code comments}; in {@code test_protocol} the
     * instrument as {@code cycler} and the start day as {@code start_date}, and as extra fields the technique, the
     * channel, the full start time (the instrument computer's local time, no zone), the EC-Lab version and the
     * other facts of the header. Fields the user set are kept.
     */
    @Override
    public BatteryMetadata metadata(CellFiles cell, BatteryMetadata given) {
        Path file = cell.files().get(0);
        Map<String, Object> facts = fileFacts(file);
        BatteryMetadata.Builder meta = given.toBuilder();
        if (given.comments() == null && facts.get("comments") instanceof String c) {
            meta.comments(c);
        }
        CyclingProtocol.Builder protocol = given.testProtocol() != null ? given.testProtocol().toBuilder()
                : CyclingProtocol.builder();
        CyclingProtocol old = given.testProtocol();
        if (old == null || old.cycler() == null) {
            Object device = facts.get("device");
            Object serial = facts.get("device_serial");
            protocol.cycler("BioLogic" + (device != null ? " " + device : serial != null ? " (SN " + serial + ")" : ""));
        }
        if ((old == null || old.startDate() == null) && facts.get("start_time") instanceof String start) {
            LocalDate day = startDay(start);
            if (day != null) {
                protocol.startDate(day);
            }
        }
        for (Map.Entry<String, Object> e : facts.entrySet()) {
            if (!e.getKey().equals("comments") && (old == null || !old.extra().containsKey(e.getKey()))) {
                protocol.extra(e.getKey(), e.getValue());
            }
        }
        protocol.extra("source_format", isMpr(file) ? "EC-Lab .mpr" : "EC-Lab .mpt");
        return meta.testProtocol(protocol.build()).build();
    }

    /** The day of a start time: ISO from an .mpr log, EC-Lab's month/day/year from an .mpt header. */
    private static LocalDate startDay(String text) {
        try {
            return LocalDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss[.SSS]"))
                        .toLocalDate();
            } catch (DateTimeParseException e2) {
                return null; // another locale's format: kept as text in start_time only
            }
        }
    }

    /**
     * The file's own facts for the battery metadata: technique, channel, start time, instrument and software
     * versions, comments (as read from the settings and log modules, or the text export's header).
     */
    public Map<String, Object> fileFacts(Path file) {
        try {
            if (isMpr(file)) {
                return Collections.unmodifiableMap(MprReader.describe(file).facts);
            }
            return Collections.unmodifiableMap(MptReader.describe(file).facts);
        } catch (IndexOutOfBoundsException | BufferUnderflowException | NumberFormatException e) {
            throw new BadFormatException(ErrorLocation.of(file, RowSink.RAW), "malformed file: " + e, e);
        }
    }

    private static boolean isMpr(Path file) {
        byte[] head = new byte[22];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n == head.length) {
                return MprFile.hasMagic(head);
            }
        } catch (IOException e) {
            throw new FileAccessException(ErrorLocation.of(file), "cannot read: " + e.getMessage(), e);
        }
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mpr");
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
