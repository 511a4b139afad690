package io.github.rejoinerbroadleaf.delivery;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

class ThrowawayHttpTimingTest {
    @Test
    void time() throws Exception {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
            @Override
            public MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest r) {
                return new MockResponse().setResponseCode(200).setBody("{}");
            }
        });
        server.setServerSocketFactory(new NoDelayServerSockets());
        server.start();
        HttpTestSender s = new HttpTestSender(server.url("/x/"), Duration.ofSeconds(5));
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                s.send(io.github.rejoinerbroadleaf.vendor.rejoiner.LeadOperation.CONVERT, ScriptedSender.payload("k" + i));
            }
            System.out.println("TIMING 100 requests ms " + (System.nanoTime() - t0) / 1_000_000);
        }
        server.shutdown();
    }
}
