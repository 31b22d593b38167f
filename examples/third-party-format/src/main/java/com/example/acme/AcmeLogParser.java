package com.example.acme;

import io.battdat.api.spi.Spi;
import io.battdat.api.BadFormatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.FileAccessException;
import io.battdat.api.data.ColumnSpec;
import io.battdat.api.data.DoubleColumn;
import io.battdat.api.data.LongColumn;
import io.battdat.api.data.StorageType;
import io.battdat.api.data.TableLayout;
import io.battdat.api.parse.BatchBuilder;
import io.battdat.api.parse.CellFiles;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.parse.PostProcessing;
import io.battdat.api.parse.VendorParser;
import io.battdat.api.schema.RawData;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The "ACME cycler log", a made-up format: a first line {@code ACMELOG 1}, then one record per line,
 * {@code cycle;seconds;amps;volts}. The engine derives state, steps and methods (AddState and friends).
 */
public final class AcmeLogParser implements VendorParser {
    private static final byte[] MAGIC = "ACMELOG 1".getBytes(StandardCharsets.US_ASCII);
    private static final TableLayout LAYOUT = TableLayout.of(ColumnSpec.of("cycle_number", StorageType.INT64),
            ColumnSpec.of("test_time", StorageType.FLOAT64), ColumnSpec.of("current", StorageType.FLOAT64),
            ColumnSpec.of("voltage", StorageType.FLOAT64));

    @Override
    public String formatName() {
        return "acme";
    }

    @Override
    public String description() {
        return "ACME cycler log (.acl), a third-party example plugin";
    }

    @Override
    public List<String> extensions() {
        return List.of("acl");
    }

    @Override
    public ProbeResult probe(FileProbe probe) {
        if (probe.hasBytesAt(0, MAGIC)) {
            return ProbeResult.SIGNATURE;
        }
        return probe.extension().equals("acl") ? ProbeResult.EXTENSION : ProbeResult.NO;
    }

    @Override
    public void parse(CellFiles cell, ParseContext context) {
        BatchBuilder out = new BatchBuilder(LAYOUT,
                context.table("raw_data", LAYOUT, new RawData(), PostProcessing.tagging()),
                context.options().batchRows());
        long[] cycle = ((LongColumn) out.batch().column(0)).buffer();
        double[] time = ((DoubleColumn) out.batch().column(1)).buffer();
        double[] current = ((DoubleColumn) out.batch().column(2)).buffer();
        double[] voltage = ((DoubleColumn) out.batch().column(3)).buffer();
        for (Path file : cell.files()) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                String line = in.readLine();
                if (line == null || !line.startsWith("ACMELOG 1")) {
                    throw new BadFormatException(ErrorLocation.of(file, "raw_data"),
                            "line 1: not an ACME log (no ACMELOG 1 header)", null);
                }
                long number = 1;
                while ((line = in.readLine()) != null) {
                    number++;
                    context.progress(line.length() + 1);
                    String[] f = line.split(";");
                    if (f.length != 4) {
                        context.badLine(new BadFormatException(ErrorLocation.of(file, "raw_data"), "line " + number
                                + ": expected 4 fields, found " + f.length, null));
                        continue;
                    }
                    int row = out.row();
                    try {
                        cycle[row] = Long.parseLong(f[0].trim());
                        time[row] = Double.parseDouble(f[1].trim());
                        current[row] = Double.parseDouble(f[2].trim());
                        voltage[row] = Double.parseDouble(f[3].trim());
                    } catch (NumberFormatException e) {
                        context.badLine(new BadFormatException(ErrorLocation.of(file, "raw_data"),
                                "line " + number + ": " + e.getMessage(), e));
                        continue;
                    }
                    out.commit();
                }
            } catch (IOException e) {
                throw new FileAccessException(ErrorLocation.of(file, "raw_data"), "cannot read: " + e.getMessage(), e);
            }
        }
        out.finish();
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
