package io.github.rejoinerbroadleaf.broadleaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;

import io.github.rejoinerbroadleaf.core.LayerRules;
import org.junit.jupiter.api.Test;

/**
 * The Broadleaf module (classes and Spring XML) uses the public API of rejoiner-core and rejoiner-delivery
 * only, and never the sandbox, which is not shipped to stores.
 */
class LayerTest {

    private final LayerRules module = LayerRules.mainOf(LayerTest.class);

    @Test
    void moduleDoesNotUseInternalsOfOtherArtifacts() {
        assertEquals(Collections.emptyList(), module.referencesTo(
                "io.github.rejoinerbroadleaf.core.internal.", "io.github.rejoinerbroadleaf.delivery.internal."));
    }

    @Test
    void moduleDoesNotUseTheSandbox() {
        assertEquals(Collections.emptyList(), module.referencesTo("io.github.rejoinerbroadleaf.sandbox"));
    }
}
