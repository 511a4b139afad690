package io.github.rejoinerbroadleaf.sample;

import io.github.rejoinerbroadleaf.broadleaf.install.RejoinerStartupCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sample store follows the README's install steps: the start-up check finds every piece. */
@ExtendWith(RunningStore.class)
class StartupCheckTest {

    @Test
    void theSampleStoreIsCompletelyInstalled(SampleStore store) throws Exception {
        new Shopper(store).get("/"); // the admin context and every servlet have started by the first request

        List<String> warnings = store.bean("blRejoinerStartupCheck", RejoinerStartupCheck.class).report();

        assertEquals(List.of(), warnings);
    }
}
