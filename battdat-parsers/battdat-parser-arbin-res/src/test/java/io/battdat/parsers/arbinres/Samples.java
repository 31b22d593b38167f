package io.battdat.parsers.arbinres;

import com.fasterxml.jackson.databind.JsonNode;
import io.battdat.parsers.csv.testing.BinarySamples;

import java.nio.file.Path;
import java.util.List;

/** The shared Arbin .res samples and their reference facts; tests skip with the reason when they are absent. */
final class Samples {
    static final String PLAIN = "arbin_example.res";
    static final String AUX = "aux_one_x_dx.res";
    static final List<String> ALL = List.of(PLAIN, AUX);

    private Samples() {
    }

    static Path sample(String name) {
        return BinarySamples.sample("arbin-res", name);
    }

    static JsonNode facts(String name) {
        return BinarySamples.facts("arbin-res", name);
    }
}
