package io.github.rejoinerbroadleaf.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

/**
 * rejoiner-core is the bottom layer: it names no other artifact of this project. (Broadleaf, Spring and
 * the servlet API are not on its compile class path, so using them fails compilation already.)
 */
class LayerTest {

    private final LayerRules core = LayerRules.mainOf(LayerTest.class);

    @Test
    void coreUsesNoOtherArtifactOfTheProject() {
        assertEquals(Collections.emptyList(), core.referencesTo(
                "io.github.rejoinerbroadleaf.delivery", "io.github.rejoinerbroadleaf.sandbox",
                "io.github.rejoinerbroadleaf.broadleaf"));
    }

    @Test
    void coreDeclaresOnlyItsOwnPackages() {
        for (String p : core.declaredPackages()) {
            boolean own = Arrays.asList("io.github.rejoinerbroadleaf.core", "io.github.rejoinerbroadleaf.restore",
                    "io.github.rejoinerbroadleaf.settings").stream().anyMatch(o -> p.equals(o) || p.startsWith(o + "."));
            assertEquals(true, own, "package " + p + " does not belong in rejoiner-core");
        }
    }
}
