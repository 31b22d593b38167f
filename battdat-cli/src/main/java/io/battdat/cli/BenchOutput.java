package io.battdat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code --json} option of the {@code bench} commands, and how each prints its one result: as one JSON line,
 * the form the Python harness prints and compares, or as a line of text for a person.
 */
final class BenchOutput {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--json", description = "Print one JSON line.")
    boolean json;

    /** A new result, naming this tool first as every result of the harness does; the command adds the rest. */
    static Map<String, Object> result() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tool", "battdat-java");
        return result;
    }

    /** Prints {@code result} as one JSON line with {@code --json}, otherwise the {@code text} line. */
    void print(Map<String, Object> result, Supplier<String> text) throws JsonProcessingException {
        command.commandLine().getOut().println(json ? jsonLine(result) : text.get());
    }

    /** {@code result} as one line of JSON. */
    static String jsonLine(Map<String, Object> result) throws JsonProcessingException {
        return new ObjectMapper().writeValueAsString(result);
    }
}
