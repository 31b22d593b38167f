package io.battdat.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The examples build as a user builds them ({@code mvn -f examples/bom-example/pom.xml verify} after
 * {@code mvn install}), so the battdat version they name must be the one this repository builds.
 */
class ExamplesVersionTest {
    private static final Pattern PROJECT_VERSION = Pattern.compile(
            "<artifactId>battdat-parent</artifactId>\\s*<version>([^<]+)</version>");
    private static final Pattern EXAMPLE_VERSION = Pattern.compile("<battdat.version>([^<]+)</battdat.version>");

    @Test
    void examplesNameTheVersionThisRepositoryBuilds() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Matcher project = PROJECT_VERSION.matcher(Files.readString(root.resolve("pom.xml")));
        assertTrue(project.find(), "no version in the root pom");
        for (String example : new String[]{"bom-example", "third-party-format"}) {
            Matcher m = EXAMPLE_VERSION.matcher(Files.readString(root.resolve("examples/" + example + "/pom.xml")));
            assertTrue(m.find(), example + " names no battdat.version");
            assertEquals(project.group(1), m.group(1), "examples/" + example + "/pom.xml's battdat.version");
        }
    }
}
