package io.github.rejoinerbroadleaf.sample;

import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server time of the product page and a 20-unit cart page with tracking on versus off
 * (interleaved rounds, median of each). Opt-in: {@code -Drejoiner.benchmark=true}; prints the
 * ratios and fails only on a gross regression (over 1.25), since timings on shared machines vary.
 * The goal is 1.02.
 */
@ExtendWith(RunningStore.class)
class TrackingOverheadBenchmark {

    private static final int ROUNDS = Integer.getInteger("rejoiner.benchmark.rounds", 15);
    private static final int REQUESTS_PER_ROUND = 20;

    @Test
    void trackingAddsLittleToTheProductAndCartPages(SampleStore store) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("rejoiner.benchmark"), "opt-in: -Drejoiner.benchmark=true");
        RejoinerSettingsService settings = store.bean("blRejoinerSettingsService", RejoinerSettingsService.class);
        Shopper shopper = new Shopper(store);
        shopper.get("/");
        String[] products = {"/hot-sauces/habanero-hellfire", "/hot-sauces/green-ghost", "/hot-sauces/carolina-reaper-reserve",
                "/hot-sauces/chipotle-campfire", "/hot-sauces/scorpion-sting", "/hot-sauces/grandmas-extra-hot",
                "/merchandise/pepper-apron", "/merchandise/fire-mug"};
        int units = 0;
        for (String p : products) {
            String id = shopper.get(p).document().selectFirst("#add-to-cart-form input[name=productId]").val();
            shopper.post("/cart/add", "productId", id, "quantity", "2");
            units += 2;
        }
        String tee = shopper.get("/merchandise/heat-clinic-tee").document().selectFirst("#add-to-cart-form input[name=productId]").val();
        for (String size : new String[] {"S", "M"}) {
            shopper.post("/cart/add", "productId", tee, "quantity", "2", "itemAttributes[SIZE]", size);
            units += 2;
        }
        assertEquals(20, units);
        assertTrue(shopper.get("/cart").body().contains("setCartItem"), "tracking is on");

        for (String page : new String[] {"/hot-sauces/grandmas-extra-hot", "/cart"}) {
            long[] on = new long[ROUNDS];
            long[] off = new long[ROUNDS];
            for (int i = 0; i < 3; i++) {
                time(shopper, page, REQUESTS_PER_ROUND);
            }
            for (int r = 0; r < ROUNDS; r++) {
                System.clearProperty("rejoiner.trackingEnabled");
                settings.invalidate();
                on[r] = time(shopper, page, REQUESTS_PER_ROUND);
                System.setProperty("rejoiner.trackingEnabled", "false");
                settings.invalidate();
                off[r] = time(shopper, page, REQUESTS_PER_ROUND);
            }
            System.clearProperty("rejoiner.trackingEnabled");
            settings.invalidate();
            double ratio = (double) median(on) / median(off);
            System.out.printf("TRACKING OVERHEAD %s: on %.2f ms, off %.2f ms per request, ratio %.3f%n", page,
                    median(on) / 1e6 / REQUESTS_PER_ROUND, median(off) / 1e6 / REQUESTS_PER_ROUND, ratio);
            assertTrue(ratio < 1.25, page + " ratio " + ratio);
        }
    }

    /** Round trips without parsing the page (the client's HTML parsing is not server time). */
    private static long time(Shopper shopper, String page, int n) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (shopper.fetch(page) != 200) {
                throw new AssertionError(page);
            }
        }
        return System.nanoTime() - start;
    }

    private static long median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
