package io.battdat.parsers.arbinres;

import com.healthmarketscience.jackcess.Row;
import io.battdat.api.BadFormatException;
import io.battdat.api.BattdatException;
import io.battdat.api.ErrorLocation;
import io.battdat.api.metadata.BatteryMetadata;
import io.battdat.api.metadata.CyclingProtocol;
import io.battdat.api.parse.CellFiles;
import io.battdat.api.parse.ParseContext;
import io.battdat.api.spi.FileProbe;
import io.battdat.api.spi.ProbeResult;
import io.battdat.api.spi.Spi;
import io.battdat.parsers.common.NamedVendorParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Arbin {@code .res} result files: Microsoft Access (Jet 4) databases written by Arbin's MITS software, read with
 * Jackcess (pure Java; no ODBC driver, no mdbtools). Each test of the file (a row of {@code Global_Table}: one
 * channel's run) becomes a cell whose {@code raw_data} holds the records of {@code Channel_Normal_Table} sorted by
 * Data_Point, joined with the auxiliary channels of {@code Auxiliary_Table}, and whose {@code cycle_stats} holds its
 * records of {@code Channel_Statistic_Table} ({@link CycleStatsReader}); see {@link TestReader} for the columns and
 * the module README for the layout, the sort and the differences from Python readers.
 *
 * <p>Settings ({@code --option}): {@value #SORT} = {@code index} (default: the table's own index on
 * (Test_ID, Data_Point), or an external sort when it has none) or {@code external} (always sort in bounded chunks
 * spilled to temporary files).
 */
public final class ArbinResParser extends NamedVendorParser {
    /** Setting: how records are put in Data_Point order, {@code index} (default) or {@code external}. */
    public static final String SORT = "arbin-res.sort";
    /** Setting: records per in-memory chunk of the external sort (default {@value #DEFAULT_CHUNK_ROWS}). */
    public static final String CHUNK_ROWS = "arbin-res.chunk-rows";
    static final int DEFAULT_CHUNK_ROWS = 32_768;
    private static final byte[] JET_MAGIC = "Standard Jet DB".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ACE_MAGIC = "Standard ACE DB".getBytes(StandardCharsets.US_ASCII);

    /** The test of each cell that {@link #group} split out of a file holding several tests. */
    private final Map<CellFiles, Long> testOfCell = new ConcurrentHashMap<>();

    /** A parser; does no I/O. */
    public ArbinResParser() {
        super("arbin-res", "Arbin .res result files (Access/Jet 4 databases of MITS Pro): Channel_Normal_Table with "
                + "auxiliary channels (raw_data), Channel_Statistic_Table (cycle_stats), one cell per test", List.of("res"));
    }

    @Override
    public ProbeResult probe(FileProbe probe) {
        boolean jet = probe.hasBytesAt(4, JET_MAGIC) || probe.hasBytesAt(4, ACE_MAGIC);
        boolean named = probe.extension().equals("res");
        if (jet && named) {
            return ProbeResult.SIGNATURE;
        }
        // an Access file under another name may be a renamed result file; a .res that is not Access is not ours
        return jet ? ProbeResult.EXTENSION : ProbeResult.NO;
    }

    @Override
    public List<CellFiles> group(List<Path> files) {
        List<CellFiles> cells = new ArrayList<>();
        for (Path f : files) {
            CellFiles whole = CellFiles.of(f);
            List<Long> ids;
            try (ResDatabase db = ResDatabase.open(f)) {
                ids = new ArrayList<>();
                for (Row test : db.tests()) {
                    ids.add(testId(f, test));
                }
            }
            if (ids.size() == 1) {
                cells.add(whole);
                testOfCell.put(whole, ids.get(0));
                continue;
            }
            for (long id : ids) {
                CellFiles cell = CellFiles.of(whole.name() + "_test" + id, List.of(f));
                testOfCell.put(cell, id);
                cells.add(cell);
            }
        }
        return cells;
    }

    /**
     * Adds the test's own record (Global_Table) to the metadata: cycler and software, schedule, start date into
     * {@code test_protocol} where empty; every column of the test's row, dates as ISO local date-times, under the
     * extra field {@code arbin_res}. Fields the user set are kept. (Picked up by engines whose
     * {@link io.battdat.api.parse.VendorParser} has a metadata hook; harmless otherwise.)
     *
     * @param cell  the cell, as {@link #group} made it
     * @param given the metadata so far
     * @return the metadata with the file's facts added
     */
    public BatteryMetadata metadata(CellFiles cell, BatteryMetadata given) {
        Path file = cell.files().get(0);
        try (ResDatabase db = ResDatabase.open(file)) {
            Row test = testRow(db, cell);
            Map<String, Object> facts = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : test.entrySet()) {
                Object v = e.getValue();
                if (v == null || (v instanceof String s && s.isBlank())) {
                    continue;
                }
                if (e.getKey().endsWith("DateTime") && v instanceof Number n) {
                    LocalDateTime t = OleDate.toLocal(n.doubleValue());
                    v = t == null ? n : t.toString();
                } else if (v instanceof Number n && !(v instanceof Double || v instanceof Float)) {
                    v = n.longValue();
                } else if (!(v instanceof Number || v instanceof Boolean)) {
                    v = v.toString();
                }
                facts.put(e.getKey(), v);
            }
            CyclingProtocol protocol = given.testProtocol() != null ? given.testProtocol()
                    : CyclingProtocol.builder().build();
            CyclingProtocol.Builder p = protocol.toBuilder();
            if (protocol.cycler() == null) {
                Object version = test.get("Software_Version");
                p.cycler(version == null ? "Arbin" : "Arbin (MITS Pro " + version + ")");
            }
            if (protocol.schedule() == null && test.get("Schedule_File_Name") instanceof String s && !s.isBlank()) {
                p.schedule(s);
            }
            if (protocol.startDate() == null && test.get("Start_DateTime") instanceof Number n) {
                LocalDateTime start = OleDate.toLocal(n.doubleValue());
                if (start != null) {
                    p.startDate(start.toLocalDate());
                }
            }
            BatteryMetadata out = given.withTestProtocol(p.build());
            if (out.comments() == null && test.get("Comments") instanceof String c && !c.isBlank()) {
                out = out.toBuilder().comments(c).build();
            }
            if (!out.extra().containsKey("arbin_res")) {
                out = out.withExtra("arbin_res", facts);
            }
            return out;
        }
    }

    @Override
    public void parse(CellFiles cell, ParseContext context) {
        Path file = cell.files().get(0);
        if (cell.files().size() != 1) {
            throw new BadFormatException(ErrorLocation.of(cell.files().get(1)),
                    "an Arbin .res file is a cell (or several) "
                    + "on its own; convert its files separately or as a directory", null);
        }
        try (ResDatabase db = ResDatabase.open(file)) {
            Row test = testRow(db, cell);
            new TestReader(db, testId(file, test), context).read();
        } catch (BattdatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ResDatabase.failure(file, ResDatabase.NORMAL, "cannot read the records", e);
        }
    }

    private Row testRow(ResDatabase db, CellFiles cell) {
        List<Row> tests = db.tests();
        Long wanted = testOfCell.get(cell);
        if (wanted == null) {
            if (tests.size() > 1) {
                throw new BadFormatException(ErrorLocation.of(db.file(), ResDatabase.GLOBAL),
                        tests.size() + " tests in one file: "
                        + "let the parser split it into cells (group) before parsing", null);
            }
            return tests.get(0);
        }
        for (Row t : tests) {
            if (testId(db.file(), t) == wanted) {
                return t;
            }
        }
        throw new BadFormatException(ErrorLocation.of(db.file(), ResDatabase.GLOBAL),
                "test " + wanted + " is no longer in the file", null);
    }

    private static long testId(Path file, Row test) {
        if (test.get(ResDatabase.TEST_ID) instanceof Number n) {
            return n.longValue();
        }
        throw new BadFormatException(ErrorLocation.of(file, ResDatabase.GLOBAL), "a test without Test_ID", null);
    }

    @Override
    public int spiVersion() {
        return Spi.VERSION;
    }
}
