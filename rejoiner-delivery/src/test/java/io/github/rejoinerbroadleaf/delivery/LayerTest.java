package io.github.rejoinerbroadleaf.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;

import io.github.rejoinerbroadleaf.core.LayerRules;
import org.junit.jupiter.api.Test;

/** rejoiner-delivery uses rejoiner-core's public API only, and nothing above it. */
class LayerTest {

    private final LayerRules delivery = LayerRules.mainOf(LayerTest.class);

    @Test
    void deliveryDoesNotUseCoreInternals() {
        assertEquals(Collections.emptyList(), delivery.referencesTo("io.github.rejoinerbroadleaf.core.internal."));
    }

    @Test
    void deliveryDoesNotUseTheSandboxOrTheBroadleafModule() {
        assertEquals(Collections.emptyList(), delivery.referencesTo(
                "io.github.rejoinerbroadleaf.sandbox", "io.github.rejoinerbroadleaf.broadleaf"));
    }
}
