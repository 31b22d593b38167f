package io.battdat.cli;

import io.battdat.api.postprocess.ConsistencyChecker;
import io.battdat.api.postprocess.PostProcessOptions;
import io.battdat.api.spi.StoredDataset;
import io.battdat.api.spi.TableInfo;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.BattdatEngine;
import io.battdat.streaming.PostProcessor;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code battdat check FILE}: every consistency checker over every table it looks at. */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Run every consistency checker (such as the current's sign convention) over a dataset.")
final class CheckCommand extends LocalFileSubcommand {
    /** Exit status when some checker warned. */
    static final int WARNINGS = 3;

    @Override
    public Integer call() {
        BattdatEngine engine = Battdat.engine();
        PostProcessor post = new PostProcessor(engine);
        PrintWriter out = out();
        List<TableInfo> tables;
        try (StoredDataset source = engine.open(file)) {
            tables = new ArrayList<>(source.tables());
        }
        int warnings = 0;
        int checked = 0;
        for (TableInfo t : tables) {
            List<String> names = engine.registry().checkers().stream().filter(c -> c.checks(t.name()))
                    .map(ConsistencyChecker::name).toList();
            if (names.isEmpty()) {
                continue;
            }
            checked++;
            for (String w : post.check(file, t.key(), PostProcessOptions.DEFAULT)) {
                out.println(file + " " + t.path() + " " + names + ": " + w);
                warnings++;
            }
        }
        out.println(warnings + " warning" + (warnings == 1 ? "" : "s") + " in " + checked + " checked table"
                + (checked == 1 ? "" : "s"));
        return warnings == 0 ? 0 : WARNINGS;
    }
}
