package io.battdat.parsers.neware;

import io.battdat.parsers.csv.testing.BinarySamples;

import java.nio.file.Path;

/** The Neware samples of the shared fixtures; a test using one is skipped, with the reason, when it is absent. */
final class Samples {
    static final String V29 = "new_nda_file.nda";
    static final String V130 = "TestFile.nda";
    static final String NDAX = "TESTCELL0001-Test_Data_Collection_Ndc17.ndax";

    private Samples() {
    }

    static Path dir() {
        return BinarySamples.folder("neware");
    }

    static Path get(String name) {
        return BinarySamples.sample("neware", name);
    }
}
