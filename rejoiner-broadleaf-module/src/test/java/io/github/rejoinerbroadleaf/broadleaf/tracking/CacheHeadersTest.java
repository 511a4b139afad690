package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CacheHeadersTest {

    @Test
    void sharedCachingIsReplacedOtherDirectivesKept() {
        assertEquals("private, no-store", CacheHeaders.merged(null));
        assertEquals("private, no-store", CacheHeaders.merged("public, max-age=600, s-maxage=60"));
        assertEquals("private, no-store, no-cache, must-revalidate", CacheHeaders.merged("no-cache, no-store, must-revalidate"));
    }

    @Test
    void privateNoStoreIsRecognised() {
        assertTrue(CacheHeaders.isPrivateNoStore("no-store, Private"));
        assertFalse(CacheHeaders.isPrivateNoStore("no-store"));
        assertFalse(CacheHeaders.isPrivateNoStore(null));
    }

    @Test
    void publicAnywhereIsNotPrivate() {
        assertFalse(CacheHeaders.isPrivateNoStore("private, no-store, PUBLIC"));
    }

    @Test
    void tokensAreWholeDirectivesWithOrWithoutSpaces() {
        assertTrue(CacheHeaders.isPrivateNoStore("private,no-store"));
        assertTrue(CacheHeaders.isPrivateNoStore(" private ,\tno-store ,"));
        assertFalse(CacheHeaders.isPrivateNoStore("privately, no-store-ish"));
    }
}
