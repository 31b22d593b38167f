package io.battdat.streaming;

import io.battdat.api.data.TableLayout;
import io.battdat.api.postprocess.CycleAccumulator;
import io.battdat.api.postprocess.CycleSummarizer;
import io.battdat.api.postprocess.DerivedColumn;
import io.battdat.api.postprocess.PostProcessOptions;
import io.battdat.api.postprocess.TableContext;
import io.battdat.streaming.postprocess.CycleStatistics;
import io.battdat.streaming.postprocess.CycleTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A summary decodes only the columns its summarizers name, and gives the same table as a read of every column. */
@Timeout(60)
class SummaryProjectionTest {
    private static final BattdatEngine ENGINE = Battdat.engine();
    private static final PostProcessor POST = new PostProcessor(ENGINE);

    @Test
    void summaryReadsOnlyTheColumnsTheSummarizersName() {
        TableLayout stored;
        try (BatchStream batches = ENGINE.batches(EngineFixtureTest.fixture("plain.h5"), null)) {
            stored = batches.table().layout();
        }
        assertEquals(List.of("test_time", "current", "voltage", "temperature", "cycle_number"),
                PostProcessor.summaryColumns(stored, POST.summarizers()));
        List<CycleSummarizer> withUnknown = new ArrayList<>(POST.summarizers());
        withUnknown.add(new AnyColumn());
        assertNull(PostProcessor.summaryColumns(stored, withUnknown), "a summarizer that does not say reads all");
        assertNull(PostProcessor.summaryColumns(stored.select(List.of("test_time", "current", "voltage")),
                POST.summarizers()), "without cycle_number the error must list the table's real columns");
    }

    @Test
    void projectedSummaryEqualsTheSummaryOfEveryColumn() {
        for (String name : List.of("plain.h5", "zlib9.h5", "with-cycle-stats.h5")) {
            Path file = EngineFixtureTest.fixture(name);
            CycleTable projected = POST.summarize(file, null, PostProcessOptions.DEFAULT);
            CycleTable full;
            try (BatchStream batches = ENGINE.batches(file, null)) {
                full = CycleStatistics.summarize(PostProcessor.context(file, batches.table(), PostProcessOptions.DEFAULT),
                        batches, POST.summarizers());
            }
            assertEquals(full.columnNames(), projected.columnNames(), name);
            for (String column : full.columnNames()) {
                assertArrayEquals(full.column(column), projected.column(column), name + " " + column);
            }
        }
    }

    /** A summarizer that does not name its input columns. */
    private static final class AnyColumn implements CycleSummarizer {
        @Override
        public int spiVersion() {
            return io.battdat.api.postprocess.PostProcessSpi.VERSION;
        }

        @Override
        public String name() {
            return "any-column";
        }

        @Override
        public List<DerivedColumn> columns(TableContext context) {
            return List.of();
        }

        @Override
        public CycleAccumulator start(TableContext context) {
            throw new UnsupportedOperationException();
        }
    }
}
