package org.hearth;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    // hearth-nlp is a plain library that happens to share the base package; it is not an
    // application module, so every server module may use its public types.
    private final ApplicationModules modules =
            ApplicationModules.of(HearthApplication.class, JavaClass.Predicates.resideInAPackage("org.hearth.nlp.."));

    @Test
    void verifiesModuleBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
