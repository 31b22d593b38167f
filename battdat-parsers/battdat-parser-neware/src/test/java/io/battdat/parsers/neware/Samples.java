package io.battdat.parsers.neware;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Neware samples of the shared fixtures; a test using one is skipped, with the reason, when it is absent. */
final class Samples {
    static final String V29 = "new_nda_file.nda";
    static final String V130 = "TestFile.nda";
    static final String NDAX = "TESTCELL0001-Test_Data_Collection_Ndc17.ndax";

    private Samples() {
    }

    static Path dir() {
        String root = System.getProperty("battdat.shared");
        assumeTrue(root != null, "battdat.shared is not set: run through Maven to use the ../shared fixtures");
        Path p = Path.of(root, "fixtures", "vendor-binary", "neware");
        assumeTrue(Files.isDirectory(p), "shared fixtures absent: " + p);
        return p;
    }

    static Path get(String name) {
        Path p = dir().resolve(name);
        assumeTrue(Files.isRegularFile(p), "shared fixture absent: " + p);
        return p;
    }
}
