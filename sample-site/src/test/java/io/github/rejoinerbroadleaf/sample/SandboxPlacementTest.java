package io.github.rejoinerbroadleaf.sample;

import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ServerSocketChannel;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox only where it belongs: in sandbox mode, on loopback, and only for its own pages' reports. */
@ExtendWith(RunningStore.class)
class SandboxPlacementTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static int status(SampleStore store, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + store.port() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void withRealKeysTheSandboxAnswers404(SampleStore store) throws Exception {
        RejoinerSettingsService settings = store.bean("blRejoinerSettingsService", RejoinerSettingsService.class);
        int inSandboxMode = status(store, "/rejoiner-sandbox/");
        System.setProperty("rejoiner.siteId", "a-real-site");
        try {
            settings.invalidate();
            int withRealKeys = status(store, "/rejoiner-sandbox/");
            int apiWithRealKeys = status(store, "/rejoiner-sandbox/api/events");
            assertEquals(List.of(200, 404, 404), List.of(inSandboxMode, withRealKeys, apiWithRealKeys));
        } finally {
            System.clearProperty("rejoiner.siteId");
            settings.invalidate();
        }
        assertEquals(200, status(store, "/rejoiner-sandbox/"), "sandbox mode again once the keys are gone");
    }

    @Test
    void theStoreListensOnLoopbackOnly(SampleStore store) {
        InetAddress bound = ((ServerSocketChannel) store.connector().getTransport()).socket().getInetAddress();
        assertTrue(bound.isLoopbackAddress(), "bound to " + bound);
    }

    @Test
    void theJsEventsEndpointRefusesAnotherSitesPost(SampleStore store) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + store.port() + "/rejoiner-sandbox/api/js-events"))
                .header("Content-Type", "text/plain")
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"visitor\":\"v\",\"pageId\":\"p\",\"page\":\"http://x/\",\"first\":0,\"calls\":[]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode(), response.body());
    }
}
