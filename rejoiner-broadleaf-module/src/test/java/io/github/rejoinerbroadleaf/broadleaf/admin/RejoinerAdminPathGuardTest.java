package io.github.rejoinerbroadleaf.broadleaf.admin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RejoinerAdminPathGuardTest {

    @Test
    void guardsBothSectionsAndEverythingBelowThem() {
        assertTrue(RejoinerAdminPathGuard.isRejoinerPath("/rejoiner-settings"));
        assertTrue(RejoinerAdminPathGuard.isRejoinerPath("/rejoiner-settings/default"));
        assertTrue(RejoinerAdminPathGuard.isRejoinerPath("/rejoiner-settings;jsessionid=1"));
        assertTrue(RejoinerAdminPathGuard.isRejoinerPath("/rejoiner-settings.json"));
        assertTrue(RejoinerAdminPathGuard.isRejoinerPath("/rejoiner-deliveries/5/retry"));
        assertFalse(RejoinerAdminPathGuard.isRejoinerPath("/rejoiner-settingsX"));
        assertFalse(RejoinerAdminPathGuard.isRejoinerPath("/product"));
        assertFalse(RejoinerAdminPathGuard.isRejoinerPath("/"));
    }
}
