package io.battdat.cli;

import io.battdat.api.parse.VendorExporter;
import io.battdat.api.parse.VendorParser;
import io.battdat.api.spi.StreamReader;
import io.battdat.api.spi.StreamWriter;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.StorageRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.security.CodeSource;
import java.util.concurrent.Callable;

/** {@code battdat formats}: every parser, exporter and storage backend found on the class path. */
@Command(name = "formats", mixinStandardHelpOptions = true, header = "List the vendor parsers, exporters and storage backends found.", description = {
        "List the input formats (vendor parsers), export formats and storage backends found on the class path,",
        "third-party plugins included, with the jar each comes from."})
final class FormatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StorageRegistry registry = Battdat.engine().registry();
        out.println("input formats (battdat convert --format NAME):");
        for (VendorParser p : registry.parsers()) {
            out.printf("  %-16s %s%n  %-16s %s%s%n", p.formatName(), p.description(), "", p.getClass().getName(),
                    origin(p));
        }
        out.println("export formats (battdat export FILE --to NAME DIR):");
        for (VendorExporter e : registry.exporters()) {
            out.printf("  %-16s %s%n  %-16s %s%s%n", e.formatName(), e.description(), "", e.getClass().getName(),
                    origin(e));
        }
        out.println("storage backends:");
        for (StreamReader r : registry.readers()) {
            out.printf("  %-16s reader %s%s%n", r.formatName(), r.getClass().getName(), origin(r));
        }
        for (StreamWriter w : registry.writers()) {
            out.printf("  %-16s writer %s%s%n", w.formatName(), w.getClass().getName(), origin(w));
        }
        registry.problems().forEach(p -> out.println("problem: " + p));
        return 0;
    }

    private static String origin(Object provider) {
        CodeSource source = provider.getClass().getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "";
        }
        String path = source.getLocation().getPath();
        int slash = path.lastIndexOf('/', path.length() - 2);
        return " (" + path.substring(slash + 1) + ")";
    }
}
