package io.battdat.parsers.biologic;

import com.fasterxml.jackson.databind.JsonNode;
import io.battdat.parsers.csv.testing.BinarySamples;

import java.nio.file.Path;

/** The shared BioLogic samples and their reference facts; tests skip with the reason when they are absent. */
final class Samples {
    static final String GCPL = "jdb11-1_c3_gcpl_5cycles_2V-3p8V_C-24_data_C09.mpr";
    static final String CV = "cv.mpr";
    static final String CV_MPT = "cv.mpt";
    static final String PEIS = "PEIS-0.mpr";

    private Samples() {
    }

    static Path sample(String name) {
        return BinarySamples.sample("biologic", name);
    }

    /** The reference facts of a sample ({@code cv.mpt}: those of its {@code .mpr}'s export cross-check). */
    static JsonNode facts(String name) {
        if (!name.endsWith(".mpt")) {
            return BinarySamples.facts("biologic", name);
        }
        String mpt = "biologic/" + name;
        return BinarySamples.facts(entry -> mpt.equals(entry.path("mpt_file").asText()), mpt).get("mpt_cross_check");
    }
}
