package io.battdat.cli;

import io.battdat.api.parse.VendorExporter;
import io.battdat.api.parse.VendorParser;
import io.battdat.api.spi.StreamReader;
import io.battdat.api.spi.StreamWriter;
import io.battdat.streaming.Battdat;
import io.battdat.streaming.StorageRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.security.CodeSource;

/** {@code battdat formats}: every parser, exporter and storage backend found on the class path. */
@Command(name = "formats", mixinStandardHelpOptions = true,
        header = "List the vendor parsers, exporters and storage backends found.")
final class FormatsCommand extends Subcommand {
    @Option(names = "--json", description = "Print one JSON object: parsers, exporters, readers, writers, problems.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = out();
        StorageRegistry registry = Battdat.engine().registry();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("parsers", registry.parsers().stream().map(p -> entry(p.formatName(), p.description(), p,
                    p.extensions())).toList());
            doc.put("exporters", registry.exporters().stream().map(e -> entry(e.formatName(), e.description(), e,
                    null)).toList());
            doc.put("readers", registry.readers().stream().map(r -> entry(r.formatName(), null, r, r.extensions()))
                    .toList());
            doc.put("writers", registry.writers().stream().map(w -> entry(w.formatName(), null, w, null)).toList());
            doc.put("problems", registry.problems());
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            return 0;
        }
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

    private static Map<String, Object> entry(String name, String description, Object provider, List<String> extensions) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", name);
        if (description != null) {
            e.put("description", description);
        }
        if (extensions != null) {
            e.put("extensions", extensions);
        }
        e.put("class", provider.getClass().getName());
        String origin = origin(provider);
        e.put("jar", origin.isEmpty() ? null : origin.substring(2, origin.length() - 1));
        return e;
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
