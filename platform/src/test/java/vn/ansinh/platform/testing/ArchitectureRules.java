package vn.ansinh.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering every service keeps: {@code rest → service → repository}, events only through
 * the platform, and nothing from another service.
 */
public final class ArchitectureRules {

    private static final String[] SERVICES = {"vn.ansinh.households", "vn.ansinh.benefits", "vn.ansinh.reporting"};

    private ArchitectureRules() {
    }

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        noClasses().that().resideInAPackage(servicePackage + ".rest..")
                .should().dependOnClassesThat().resideInAPackage(servicePackage + ".repository..")
                .because("resources call services, which own the transactions")
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + ".repository..")
                .should().dependOnClassesThat().resideInAnyPackage(servicePackage + ".rest..", servicePackage + ".service..")
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.kafka.clients.producer..")
                .because("events leave a service only through the outbox")
                .check(classes);
        for (String other : SERVICES) {
            if (!other.equals(servicePackage)) {
                noClasses().that().resideInAPackage(servicePackage + "..")
                        .should().dependOnClassesThat().resideInAPackage(other + "..")
                        .because("services share events, never classes")
                        .check(classes);
            }
        }
    }
}
