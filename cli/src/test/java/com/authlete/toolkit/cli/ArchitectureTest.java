package com.authlete.toolkit.cli;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.catalog.Operation;
import com.authlete.toolkit.core.exchange.Exchange;
import com.authlete.toolkit.core.paging.PageWalker;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of the design card, checked on the compiled classes of every module (the CLI's test class path
 * holds them all): the libraries know no CLI, render and transport know no Authlete operation, front ends reach
 * operations only through the engine, and no module or library package depends on another in a circle.
 */
class ArchitectureTest {

    private static final String TOOLKIT = "com.authlete.toolkit";
    private static final String[] LIBRARIES = {
        "..toolkit.json..",
        "..toolkit.core..",
        "..toolkit.transport..",
        "..toolkit.render..",
        "..toolkit.credentials..",
        "..toolkit.declarative..",
        "..toolkit.mcp.."
    };
    private static final String[] FRONT_ENDS = {"..toolkit.cli..", "..toolkit.mcp..", "..toolkit.declarative.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Main classes only: test classes, in folders or in other modules' test jars, may use what they like.
        ImportOption mainOnly = location -> !location.contains("/test-classes/") && !location.contains("-tests.jar");
        classes = new ClassFileImporter().withImportOption(mainOnly).importPackages(TOOLKIT);
    }

    @Test
    void theLibrariesKnowNoCli() {
        noClasses()
                .that()
                .resideInAnyPackage(LIBRARIES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..toolkit.cli..", "com.github.rvesse.airline..")
                .because("the CLI is one front end of several; it phrases, the libraries decide")
                .check(classes);
    }

    @Test
    void theTransportKnowsNoOperation() {
        noClasses()
                .that()
                .resideInAPackage("..toolkit.transport..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..toolkit.core.catalog..",
                        "..toolkit.core.request..",
                        "..toolkit.core.paging..",
                        "..toolkit.core.client..",
                        "..toolkit.credentials..",
                        "..toolkit.render..")
                .because("the transport carries requests (core.exchange) and knows nothing of what they mean")
                .check(classes);
    }

    @Test
    void renderingKnowsNoAuthlete() {
        classes()
                .that()
                .resideInAPackage("..toolkit.render..")
                .should()
                .onlyDependOnClassesThat()
                .resideOutsideOfPackages(
                        "..toolkit.core..",
                        "..toolkit.transport..",
                        "..toolkit.credentials..",
                        "..toolkit.declarative..",
                        "..toolkit.mcp..")
                .because("output formats are JSON in, text out")
                .check(classes);
    }

    @Test
    void theClientNeedsNoKeychainConfigOrYaml() {
        noClasses()
                .that()
                .resideInAnyPackage("..toolkit.core..", "..toolkit.transport..", "..toolkit.json..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..toolkit.credentials..",
                        "com.github.javakeyring..",
                        "io.smallrye..",
                        "org.eclipse.microprofile..",
                        "org.yaml..",
                        "com.fasterxml.jackson.dataformat.yaml..")
                .because(
                        "a program that only wants a client links core and transport; credentials plug in as a token source")
                .check(classes);
    }

    @Test
    void frontEndsReachOperationsOnlyThroughTheEngine() {
        noClasses()
                .that()
                .resideInAnyPackage(FRONT_ENDS)
                .should()
                .callMethodWhere(describe(
                        "Exchange.send",
                        (JavaCall<?> call) -> call.getTarget().getName().equals("send")
                                && call.getTargetOwner().isAssignableTo(Exchange.class)))
                .orShould()
                .callConstructor(PageWalker.class, Operation.class, int.class)
                .because(
                        "connecting, the default service id, partial updates, paging guards and confirmation live in AuthleteClient")
                .check(classes);
    }

    @Test
    void theClassesOfEveryModuleAreChecked() {
        for (String module :
                new String[] {"json", "core", "transport", "render", "credentials", "declarative", "mcp", "cli"}) {
            assertThat(classes.containPackage(TOOLKIT + "." + module))
                    .as(module)
                    .isTrue();
        }
    }

    @Test
    void modulesDoNotDependOnEachOtherInACircle() {
        slices().matching(TOOLKIT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void thePackagesOfAModuleDoNotDependOnEachOtherInACircle() {
        List<String> cyclic = new ArrayList<>();
        for (String module :
                new String[] {"json", "core", "transport", "render", "credentials", "declarative", "mcp", "cli"}) {
            EvaluationResult result = slices().assignedFrom(packagesOf(module))
                    .should()
                    .beFreeOfCycles()
                    .allowEmptyShould(true)
                    .evaluate(classes);
            if (result.hasViolation()) {
                cyclic.add(result.getFailureReport().toString());
            }
        }
        assertThat(cyclic).isEmpty();
    }

    /** The packages of a module, its root package included, each with what lies below it. */
    private static SliceAssignment packagesOf(String module) {
        String base = TOOLKIT + "." + module;
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                String name = type.getPackageName();
                if (name.equals(base)) {
                    return SliceIdentifier.of(base);
                }
                if (!name.startsWith(base + ".")) {
                    return SliceIdentifier.ignore();
                }
                String below = name.substring(base.length() + 1);
                return SliceIdentifier.of(
                        base + "." + (below.contains(".") ? below.substring(0, below.indexOf('.')) : below));
            }

            @Override
            public String getDescription() {
                return "the packages of " + base;
            }
        };
    }
}
