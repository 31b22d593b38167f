package io.battdat.streaming;

import io.battdat.api.ErrorLocation;
import io.battdat.api.PluginException;
import io.battdat.api.data.ColumnBatch;
import io.battdat.api.data.TableLayout;
import io.battdat.api.postprocess.ConsistencyChecker;
import io.battdat.api.postprocess.CycleSummarizer;
import io.battdat.api.postprocess.EnhancerStage;
import io.battdat.api.postprocess.PostProcessOptions;
import io.battdat.api.postprocess.RawDataEnhancer;
import io.battdat.api.postprocess.TableCheck;
import io.battdat.api.postprocess.TableContext;
import io.battdat.api.spi.ReadOptions;
import io.battdat.api.spi.TableInfo;
import io.battdat.streaming.postprocess.CycleStatistics;
import io.battdat.streaming.postprocess.CycleTable;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Post-processing over files, with the plugins of the engine's registry: cycle statistics of a raw table
 * ({@link #summarize}), raw tables with added columns ({@link #chain}) and consistency checks ({@link #check}).
 * Each reads the table once, in storage order, in bounded memory. Thread-safe (holds no state of its own).
 */
public final class PostProcessor {
    /** Built-in summarizers that go first, in Python's column order; other summarizers follow by name. */
    private static final List<String> FIRST = List.of("cycle-times", "capacity");

    private final BattdatEngine engine;

    /**
     * A post-processor over an engine's files and plugins.
     *
     * @param engine the engine
     */
    @Inject
    public PostProcessor(BattdatEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Every summarizer found: Python's two first (cycle times, capacity), then the others by name. Read-only. */
    public List<CycleSummarizer> summarizers() {
        List<CycleSummarizer> out = new ArrayList<>();
        for (String name : FIRST) {
            engine.registry().summarizers().stream().filter(s -> s.name().equals(name)).forEach(out::add);
        }
        engine.registry().summarizers().stream().filter(s -> !FIRST.contains(s.name())).forEach(out::add);
        return Collections.unmodifiableList(out);
    }

    /**
     * Summarizes one raw table with every summarizer found.
     *
     * @param file    the file
     * @param key     the table key, such as {@code raw_data} or {@code cell_a/raw_data}
     * @param options the settings
     * @return one row per cycle
     * @throws io.battdat.api.BadFormatException       on rows that would give a wrong number (see
     *                                                 {@link CycleStatistics})
     * @throws io.battdat.api.SchemaViolationException when the table lacks {@code cycle_number}, {@code test_time},
     *                                                 {@code current} or {@code voltage}
     */
    public CycleTable summarize(Path file, String key, PostProcessOptions options) {
        return summarize(file, key, options, summarizers());
    }

    /**
     * As {@link #summarize(Path, String, PostProcessOptions)}, for a path or a URI read through a
     * {@link io.battdat.api.spi.StorageProvider}; errors name the location as written.
     */
    public CycleTable summarize(String location, String key, PostProcessOptions options) {
        if (!StorageRegistry.isUri(location)) {
            return summarize(Path.of(location), key, options);
        }
        try (BatchStream batches = engine.batches(location, key, engine.options())) {
            String name = location.substring(location.lastIndexOf('/') + 1);
            return CycleStatistics.summarize(context(Path.of(name), batches.table(), options), batches, summarizers());
        } catch (io.battdat.api.BattdatException e) {
            throw e.withLocation(location);
        }
    }

    /** Summarizes one raw table with the given summarizers, in that column order. */
    public CycleTable summarize(Path file, String key, PostProcessOptions options, List<CycleSummarizer> summarizers) {
        TableLayout[] read = new TableLayout[1];
        try (BatchStream batches = engine.batches(file, key, stored -> {
            List<String> columns = summaryColumns(stored, summarizers);
            ReadOptions chosen = columns == null ? engine.options() : engine.options().withColumns(columns);
            read[0] = chosen.project(stored);
            return chosen;
        })) {
            TableContext context = TableContext.builder().file(file).table(batches.table().path()).layout(read[0])
                    .options(options).build();
            return CycleStatistics.summarize(context, batches, summarizers);
        }
    }

    /**
     * The columns a summary reads from a table of this layout, in stored order: those the summarizers name
     * ({@link CycleSummarizer#inputColumns}) and the four every summary checks; null (every column) when a
     * summarizer does not say, or when one of the four is missing (so the error names the table's real columns).
     */
    static List<String> summaryColumns(TableLayout stored, List<CycleSummarizer> summarizers) {
        Set<String> wanted = new HashSet<>(CycleStatistics.CHECKED_COLUMNS);
        for (String name : CycleStatistics.CHECKED_COLUMNS) {
            if (!stored.contains(name)) {
                return null;
            }
        }
        for (CycleSummarizer s : summarizers) {
            Set<String> in = s.inputColumns();
            if (in == null) {
                return null;
            }
            wanted.addAll(in);
        }
        List<String> columns = new ArrayList<>();
        for (String name : stored.names()) {
            if (wanted.contains(name)) {
                columns.add(name);
            }
        }
        return columns.size() == stored.size() ? null : columns;
    }

    /**
     * The enhancer of a name.
     *
     * @throws PluginException when none has it; the message lists the names known
     */
    public RawDataEnhancer enhancer(String name) {
        for (RawDataEnhancer e : engine.registry().enhancers()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new PluginException(ErrorLocation.NONE, "no enhancer '" + name + "'; known: "
                + engine.registry().enhancers().stream().map(RawDataEnhancer::name).toList(), null);
    }

    /**
     * Enhancers in a row: each sees the previous one's output. The returned stage takes the table's batches and
     * hands {@code downstream} batches with every added column.
     *
     * @param context    the input table
     * @param enhancers  the enhancers, in order
     * @param downstream takes each output batch (valid during the call)
     */
    public static EnhancerStage chain(TableContext context, List<RawDataEnhancer> enhancers,
                                      Consumer<ColumnBatch> downstream) {
        if (enhancers.isEmpty()) {
            throw new IllegalArgumentException("no enhancer to run");
        }
        List<EnhancerStage> stages = new ArrayList<>();
        Consumer<ColumnBatch> next = downstream;
        // built from the end, so each stage's downstream is the next stage; layouts are known first
        List<TableContext> contexts = new ArrayList<>();
        TableContext c = context;
        List<EnhancerStage> probes = new ArrayList<>();
        for (RawDataEnhancer e : enhancers) {
            contexts.add(c);
            EnhancerStage probe = e.start(c, b -> { });
            probes.add(probe);
            c = TableContext.builder().file(context.file()).table(context.table()).layout(probe.outputLayout())
                    .options(context.options()).batchRows(context.batchRows()).build();
        }
        for (int i = enhancers.size() - 1; i >= 0; i--) {
            EnhancerStage stage = enhancers.get(i).start(contexts.get(i), next);
            stages.add(0, stage);
            next = stage::accept;
        }
        TableLayout out = stages.get(stages.size() - 1).outputLayout();
        return new EnhancerStage() {
            @Override
            public TableLayout outputLayout() {
                return out;
            }

            @Override
            public void accept(ColumnBatch batch) {
                stages.get(0).accept(batch);
            }

            @Override
            public void finish() {
                for (EnhancerStage s : stages) {
                    s.finish();
                }
            }
        };
    }

    /**
     * Runs every consistency checker that looks at this table.
     *
     * @return the warnings, read-only, empty when none
     */
    public List<String> check(Path file, String key, PostProcessOptions options) {
        try (BatchStream batches = engine.batches(file, key)) {
            TableContext context = context(file, batches.table(), options);
            List<TableCheck> checks = new ArrayList<>();
            for (ConsistencyChecker checker : engine.registry().checkers()) {
                if (checker.checks(batches.table().name())) {
                    checks.add(checker.start(context));
                }
            }
            if (checks.isEmpty()) {
                return List.of();
            }
            while (batches.hasNext()) {
                ColumnBatch b = batches.next();
                for (TableCheck check : checks) {
                    check.accept(b);
                }
            }
            List<String> warnings = new ArrayList<>();
            for (TableCheck check : checks) {
                warnings.addAll(check.finish());
            }
            return Collections.unmodifiableList(warnings);
        }
    }

    /** The context of a stored table. */
    public static TableContext context(Path file, TableInfo table, PostProcessOptions options) {
        return TableContext.builder().file(file).table(table.path()).layout(table.layout()).options(options).build();
    }
}
