package kextshell.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The package directions of the README's "Where things are": the kernel at the bottom, the
 * composition root ({@code app}) at the top, and no package cycle anywhere.
 */
class LayeringTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kextshell");

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("kernel").definedBy("kextshell.kernel..")
            .layer("kexts").definedBy("kextshell.kexts..")
            .layer("shell").definedBy("kextshell.shell..")
            .layer("tools").definedBy("kextshell.tools..")
            .layer("compare").definedBy("kextshell.compare..")
            .layer("lab").definedBy("kextshell.lab..")
            .layer("trace").definedBy("kextshell.trace..")
            .layer("transcript").definedBy("kextshell.transcript..")
            .layer("tutorial").definedBy("kextshell.tutorial..")
            .layer("cli").definedBy("kextshell.cli..")
            .layer("bench").definedBy("kextshell.bench..")
            .layer("app").definedBy("kextshell.app..")
            .withOptionalLayers(true)
            .whereLayer("app").mayNotBeAccessedByAnyLayer()
            .whereLayer("bench").mayOnlyBeAccessedByLayers("app")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
            .whereLayer("tutorial").mayOnlyBeAccessedByLayers("app")
            .whereLayer("transcript").mayOnlyBeAccessedByLayers("tutorial", "bench", "app")
            .whereLayer("trace").mayOnlyBeAccessedByLayers("transcript", "tutorial", "cli", "bench", "app")
            .whereLayer("lab").mayOnlyBeAccessedByLayers("tutorial", "bench", "app")
            .whereLayer("compare").mayOnlyBeAccessedByLayers("lab", "tutorial", "bench", "app")
            .whereLayer("tools").mayOnlyBeAccessedByLayers("compare", "lab", "app")
            .whereLayer("shell").mayOnlyBeAccessedByLayers("tools", "compare", "lab", "trace", "transcript", "tutorial",
                    "cli", "bench", "app")
            .whereLayer("kexts").mayOnlyBeAccessedByLayers("tools", "compare", "lab", "tutorial", "bench", "app");

    static final ArchRule NO_CYCLES = slices().matching("kextshell.(**)").should().beFreeOfCycles();

    /**
     * The kernel is pure: no host files, no network, no wall clock (xnu's time is the model's virtual
     * clock). Reading the program's own classpath resources (the MacBookPro16,1 boot data) is allowed:
     * they are part of the program, the same bytes on every run.
     */
    static final ArchRule PURE_KERNEL = noClasses().that().resideInAPackage("kextshell.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..", "java.time..")
            .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.(File|Random|Print|Console).*")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime");

    @Test
    void packagesFollowTheLayers() {
        LAYERS.check(MAIN);
    }

    @Test
    void noPackageCycles() {
        NO_CYCLES.check(MAIN);
    }

    @Test
    void theKernelDoesNoIoAndReadsNoClock() {
        PURE_KERNEL.check(MAIN);
    }
}
