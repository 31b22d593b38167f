package io.battdat.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module boundaries of battdat-java, checked on the compiled main classes of every module. A violation
 * fails {@code mvn verify}.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.battdat");
        assertThat(classes.containPackage("io.battdat.api")).as("API classes imported").isTrue();
        assertThat(classes.containPackage("io.battdat.hdf5")).as("HDF5 backend classes imported").isTrue();
        assertThat(classes.containPackage("io.battdat.streaming")).as("engine classes imported").isTrue();
        assertThat(classes.containPackage("io.battdat.cli")).as("CLI classes imported").isTrue();
        assertThat(classes.containPackage("io.battdat.parquet")).as("Parquet backend classes imported").isTrue();
        assertThat(classes.containPackage("io.battdat.parsers.arbin")).as("parser classes imported").isTrue();
        assertThat(classes.containPackage("io.battdat.hdf5.codecs")).as("codec classes imported").isTrue();
        assertThat(classes.containPackage("io.battdat.hadoop")).as("Hadoop storage classes imported").isTrue();
    }

    /** Fails when one of {@code these} classes uses a class of one of the forbidden packages. */
    private static void mayNotUse(GivenClassesConjunction these, String because, String... forbiddenPackages) {
        these.should().dependOnClassesThat().resideInAnyPackage(forbiddenPackages).because(because).check(classes);
    }

    /** Fails when one of {@code these} classes uses a class outside the allowed packages. */
    private static void mayUseOnly(GivenClassesConjunction these, String because, String... allowedPackages) {
        these.should().dependOnClassesThat().resideOutsideOfPackages(allowedPackages).because(because)
                .check(classes);
    }

    @Test
    void hadoopStorageSeesOnlyTheApiAndHadoop() {
        mayNotUse(noClasses().that().resideInAPackage("io.battdat.hadoop.."),
                "battdat-hadoop is a StorageProvider plugin: it implements the SPI and is found by URI scheme "
                        + "through ServiceLoader",
                "io.battdat.streaming..", "io.battdat.cli..", "io.battdat.hdf5..", "io.battdat.parquet..",
                "io.battdat.parsers..", "io.battdat.spark..", "com.google.inject..", "picocli..");
    }

    @Test
    void engineAndBackendsStayFreeOfHadoop() {
        mayNotUse(noClasses().that().resideInAnyPackage("io.battdat.streaming..", "io.battdat.hdf5.."),
                "remote files reach the engine and backends only as RandomAccessSource and StorageProvider",
                "org.apache.hadoop..", "io.battdat.hadoop..");
    }

    @Test
    void codecsNeedOnlyJhdfAndCodecLibraries() {
        mayUseOnly(noClasses().that().resideInAPackage("io.battdat.hdf5.codecs..")
                        .and().doNotHaveSimpleName("BattdatReaderHook")
                        .and().doNotHaveSimpleName("BloscShuffledBlocks"),
                "battdat-hdf5 is an optional dependency of the codecs: jHDF users need jHDF and the codec libraries "
                        + "only; two classes hand battdat-hdf5's reader a block decoder when it is present",
                "io.battdat.hdf5.codecs..", "io.jhdf..", "io.battdat.hdf5.shuffle..", "java..", "net.jpountz..",
                "com.github.luben..", "org.xerial.snappy..", "org.apache.commons.compress..", "io.airlift.compress..",
                "org.slf4j..");
    }

    @Test
    void byteShuffleNeedsOnlyTheJdk() {
        mayUseOnly(noClasses().that().resideInAPackage("io.battdat.hdf5.shuffle.."),
                "battdat-hdf5 and the codecs (which must work without battdat-hdf5) share this one shuffle",
                "io.battdat.hdf5.shuffle..", "java..");
    }

    @Test
    void apiDependsOnNothingOfOursAndNoBackendLibrary() {
        mayNotUse(noClasses().that().resideInAPackage("io.battdat.api.."),
                "battdat-api depends on Jackson only, so plugins can compile against it alone",
                "io.battdat.hdf5..", "io.battdat.streaming..", "io.battdat.cli..", "io.jhdf..", "com.google.inject..",
                "jakarta.inject..", "javax.inject..", "picocli..", "org.slf4j..", "org.apache.hadoop..",
                "io.battdat.hadoop..");
    }

    @Test
    void backendsDependOnlyOnTheApi() {
        mayNotUse(noClasses().that().resideInAnyPackage("io.battdat.hdf5..", "io.battdat.parquet.."),
                "a backend sees only the SPI; the engine finds it through ServiceLoader",
                "io.battdat.streaming..", "io.battdat.cli..", "io.battdat.parsers..", "com.google.inject..",
                "picocli..");
    }

    @Test
    void parsersDependOnlyOnTheApi() {
        mayNotUse(noClasses().that().resideInAPackage("io.battdat.parsers.."),
                "a vendor parser is a plugin: it sees only battdat-api (and its CSV library)",
                "io.battdat.hdf5..", "io.battdat.streaming..", "io.battdat.cli..", "io.jhdf..", "com.google.inject..",
                "picocli..");
    }

    @Test
    void engineNeverReferencesABackend() {
        mayNotUse(noClasses().that().resideInAPackage("io.battdat.streaming.."),
                "the engine finds storage through StreamReader services, never by class name",
                "io.battdat.hdf5..", "io.jhdf..", "io.battdat.cli..", "io.battdat.parsers..", "io.battdat.parquet..",
                "org.apache.parquet..");
    }

    @Test
    void chartsSeeTheEngineAndApiNeverABackendOrTheCli() {
        mayNotUse(noClasses().that().resideInAPackage("io.battdat.charts.."),
                "charts read files through the engine like any user; the CLI only calls them",
                "io.battdat.hdf5..", "io.jhdf..", "io.battdat.cli..", "io.battdat.parsers..", "io.battdat.parquet..",
                "picocli..");
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.battdat.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheCliPrints() {
        noClasses().that().resideOutsideOfPackage("io.battdat.cli..")
                .should(ACCESS_STANDARD_STREAMS)
                .because("libraries log through SLF4J; only the CLI prints")
                .check(classes);
    }

    @Test
    void noGenericExceptions() {
        NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(classes);
    }

    @Test
    void serviceLookupLivesInOneClass() {
        noClasses().that().doNotHaveFullyQualifiedName("io.battdat.streaming.StorageRegistry")
                .should().callMethod(ServiceLoader.class, "load", Class.class, ClassLoader.class)
                .orShould().callMethod(ServiceLoader.class, "load", Class.class)
                .because("one registry orders providers, reports broken ones and refuses duplicates")
                .check(classes);
    }

    @Test
    void guiceStaysInTheEngineAndCli() {
        mayNotUse(noClasses().that().resideOutsideOfPackages("io.battdat.streaming..", "io.battdat.cli.."),
                "Guice wires the engine and the CLI together; libraries and plugins are built without it",
                "com.google.inject..");
    }
}
