package io.battdat.streaming.postprocess;

import io.battdat.api.UnsupportedFilterException;
import io.battdat.api.json.Json;
import io.battdat.api.postprocess.EnhancerStage;
import io.battdat.api.postprocess.PostProcessOptions;
import io.battdat.api.spi.ReadOptions;
import io.battdat.streaming.BatchStream;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.PostProcessor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Cycle statistics, state of charge and sign warnings equal what the Python toolkit's own post-processing gives
 * on every shared fixture ({@code ../shared/fixtures/expected-postprocess.json}), to a relative 1e-9, NaN where
 * Python gives NaN; read in small batches so that cycles span batch boundaries.
 */
@Timeout(120)
class PostProcessFixtureTest {
    private static final double RTOL = 1e-9;

    static Path shared() {
        return Path.of(System.getProperty("battdat.shared", "../../shared"), "fixtures");
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> fixtures() throws IOException {
        Path json = shared().resolve("expected-postprocess.json");
        if (!Files.isRegularFile(json)) {
            return Stream.of(Arguments.of("(absent)", null));
        }
        Map<String, Object> all = (Map<String, Object>) Json.parse(Files.readString(json));
        return all.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @SuppressWarnings("unchecked")
    void matchesPython(String id, Object expectedObject) {
        Assumptions.assumeTrue(expectedObject != null,
                "../shared/fixtures/expected-postprocess.json is absent: skipping the comparison with Python");
        Map<String, Object> expected = (Map<String, Object>) expectedObject;
        int colon = id.indexOf(":/");
        Path file = shared().resolve(id.substring(0, colon));
        String key = id.substring(colon + 2);
        for (int batchRows : new int[] {97, 32768}) {
            BattdatEngine engine = new BattdatEngine(Battdat.engine().registry(),
                    ReadOptions.DEFAULT.withBatchRows(batchRows));
            PostProcessor post = new PostProcessor(engine);
            CycleTable table;
            try {
                table = post.summarize(file, key, PostProcessOptions.DEFAULT);
            } catch (UnsupportedFilterException e) {
                Assumptions.abort("battdat-hdf5-codecs is not on this module's class path (the CLI's tests "
                        + "cover " + id + "): " + e.getMessage());
                return;
            }
            Map<String, Object> stats = (Map<String, Object>) expected.get("cycle_stats");
            for (Map.Entry<String, Object> column : stats.entrySet()) {
                List<Object> want = (List<Object>) column.getValue();
                double[] got = table.column(column.getKey());
                assertEquals(want.size(), got.length, id + " " + column.getKey() + " cycles");
                for (int i = 0; i < got.length; i++) {
                    assertClose(want.get(i), got[i], id + " " + column.getKey() + "[" + i + "]");
                }
            }
            assertSoc(engine, file, key, expected, id);
            assertEquals(expected.get("sign_warnings"), post.check(file, key, PostProcessOptions.DEFAULT), id);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertSoc(BattdatEngine engine, Path file, String key, Map<String, Object> expected,
                                  String id) {
        List<Number> rows = (List<Number>) expected.get("soc_rows");
        Map<String, Object> soc = (Map<String, Object>) expected.get("soc");
        Map<Long, List<Integer>> wanted = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            wanted.computeIfAbsent(rows.get(i).longValue(), r -> new ArrayList<>()).add(i);
        }
        Map<String, double[]> got = new HashMap<>();
        for (String c : soc.keySet()) {
            got.put(c, new double[rows.size()]);
        }
        long[] position = {0};
        try (BatchStream batches = engine.batches(file, key)) {
            EnhancerStage stage = PostProcessor.chain(PostProcessor.context(file, batches.table(),
                    PostProcessOptions.DEFAULT), List.of(new StateOfCharge()), out -> {
                for (int r = 0; r < out.rowCount(); r++) {
                    for (int slot : wanted.getOrDefault(position[0] + r, List.of())) {
                        for (Map.Entry<String, double[]> e : got.entrySet()) {
                            e.getValue()[slot] = out.doubles(e.getKey()).get(r);
                        }
                    }
                }
                position[0] += out.rowCount();
            });
            while (batches.hasNext()) {
                stage.accept(batches.next());
            }
            stage.finish();
        }
        for (String c : soc.keySet()) {
            List<Object> want = (List<Object>) soc.get(c);
            for (int i = 0; i < want.size(); i++) {
                assertClose(want.get(i), got.get(c)[i], id + " " + c + " at row " + rows.get(i));
            }
        }
    }

    static void assertClose(Object want, double got, String what) {
        if (want == null) {
            assertTrue(Double.isNaN(got), what + ": Python gives NaN, got " + got);
            return;
        }
        double w = ((Number) want).doubleValue();
        if (Math.abs(w - got) > RTOL * Math.abs(w) + 1e-15) {
            fail(what + ": Python gives " + w + ", got " + got);
        }
    }
}
