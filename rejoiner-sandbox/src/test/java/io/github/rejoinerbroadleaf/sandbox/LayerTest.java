package io.github.rejoinerbroadleaf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;

import io.github.rejoinerbroadleaf.core.LayerRules;
import org.junit.jupiter.api.Test;

/**
 * The sandbox checks what the client sends through rejoiner-core's public API only (RejoinerFormats,
 * RequestSigner), so it never depends on how the client is built inside.
 */
class LayerTest {

    private final LayerRules sandbox = LayerRules.mainOf(LayerTest.class);

    @Test
    void sandboxDoesNotUseInternalsOfOtherArtifacts() {
        assertEquals(Collections.emptyList(), sandbox.referencesTo(
                "io.github.rejoinerbroadleaf.core.internal.", "io.github.rejoinerbroadleaf.delivery.internal."));
    }

    @Test
    void sandboxDoesNotUseTheDeliveryQueueOrTheBroadleafModule() {
        assertEquals(Collections.emptyList(), sandbox.referencesTo(
                "io.github.rejoinerbroadleaf.delivery", "io.github.rejoinerbroadleaf.broadleaf"));
    }
}
