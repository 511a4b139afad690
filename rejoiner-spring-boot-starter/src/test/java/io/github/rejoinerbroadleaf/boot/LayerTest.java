package io.github.rejoinerbroadleaf.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;

import org.junit.jupiter.api.Test;

import io.github.rejoinerbroadleaf.core.LayerRules;

/** The starter uses the public API of rejoiner-core and rejoiner-delivery only, and nothing of Broadleaf. */
class LayerTest {

    private final LayerRules starter = LayerRules.mainOf(LayerTest.class);

    @Test
    void starterDoesNotUseInternals() {
        assertEquals(Collections.emptyList(), starter.referencesTo(
                "io.github.rejoinerbroadleaf.core.internal.", "io.github.rejoinerbroadleaf.delivery.internal."));
    }

    @Test
    void starterDoesNotUseTheBroadleafModuleTheSandboxOrBroadleaf() {
        assertEquals(Collections.emptyList(), starter.referencesTo(
                "io.github.rejoinerbroadleaf.broadleaf", "io.github.rejoinerbroadleaf.sandbox", "org.broadleafcommerce"));
    }
}
