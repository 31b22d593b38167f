package io.battdat.parsers.neware;

import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.parse.CellFiles;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.Spi;
import io.battdat.parsers.common.NamedVendorParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Neware binary files, streamed into {@code raw_data}: {@code .nda} (versions 8, 22, 26, 29 and 130) and {@code .ndax} (a zip
 * of {@code .ndc} members, ndc versions 2, 5, 11, 14, 16 and 17).
 *
 * <p>{@code raw_data}: {@code cycle_number} (Neware's "charge first" count: a new cycle at a charge step after a
 * discharge, from 0), {@code step_number}, {@code protocol_step}, {@code record_index}, {@code test_time} (the
 * total test time in s: as stored where the file keeps it, else the step time plus the final time of every earlier
 * step), {@code step_time}, {@code time} (UNIX s), {@code step_type}, {@code state} and {@code method} from the step
 * type, {@code current} (A, positive charging), {@code voltage} (V), {@code temperature} and auxiliary channels
 * where the file has them, the step's and the cycle's capacities (A-hr) and energies (W-hr, J for
 * {@code cycle_energy}); the engine adds {@code step_index} and {@code substep_index}. Every record is kept, in
 * file order.
 */
public final class NewareParser extends NamedVendorParser {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final String[] NDAX_MEMBERS = {NdaxReader.DATA, NdaxReader.RUN_INFO, NdaxReader.STEPS,
            "TestInfo.xml", "VersionInfo.xml", "EditStep.xml"};

    /** For the service loader. */
    public NewareParser() {
        super("neware",
                "Neware binary files: .nda (versions 8, 22, 26, 29, 130) and .ndax archives (ndc 2, 5, 11, 14, 16, 17)",
                List.of("nda", "ndax"));
    }

    @Override
    public ProbeResult probe(FileProbe probe) {
        if (probe.hasBytesAt(0, NdaReader.MAGIC)) {
            return ProbeResult.SIGNATURE;
        }
        String ext = probe.extension();
        if (probe.hasBytesAt(0, ZIP)) {
            String head = new String(probe.head(), StandardCharsets.ISO_8859_1);
            for (String member : NDAX_MEMBERS) {
                if (head.contains(member)) {
                    return ProbeResult.SIGNATURE;
                }
            }
            return ext.equals("ndax") ? ProbeResult.EXTENSION : ProbeResult.NO;
        }
        return ext.equals("nda") || ext.equals("ndax") ? ProbeResult.EXTENSION : ProbeResult.NO;
    }

    @Override
    public void parse(CellFiles cell, ParseContext context) {
        if (cell.files().size() != 1) {
            throw NewareErrors.bad(cell.files().get(0), null, "a Neware cell is one file; got "
                    + cell.files().size());
        }
        Path file = cell.files().get(0);
        FileProbe head = new FileProbe(file, false, head(file));
        if (head.hasBytesAt(0, NdaReader.MAGIC)) {
            new NdaReader(file, context).read();
        } else if (head.hasBytesAt(0, ZIP)) {
            new NdaxReader(file, context).read();
        } else {
            throw NewareErrors.bad(file, null, "neither a Neware .nda (starts with NEWARE) nor an .ndax (a zip "
                    + "archive)");
        }
    }

    /**
     * The descriptive fields of a Neware file as battdat metadata: instrument and software versions, channel,
     * start date and schedule in {@code test_protocol}, the barcode in {@code battery}, the remark as
     * {@code comments}, everything else under {@code test_protocol.neware}.
     *
     * @throws io.battdat.api.BadFormatException  when the file is neither an .nda nor a readable .ndax
     * @throws io.battdat.api.FileAccessException when it cannot be read
     */
    public static BatteryMetadata readMetadata(Path file) {
        return NewareMetadata.read(file);
    }

    /**
     * The file's own facts (cycler, start date, schedule, barcode, comments; the rest under
     * {@code test_protocol.neware}) added to the metadata wherever the user left a field unset.
     */
    @Override
    public BatteryMetadata metadata(CellFiles cell, BatteryMetadata given) {
        return given.withDefaultsFrom(readMetadata(cell.files().get(0)));
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw NewareErrors.io(file, null, e);
        }
    }
}
