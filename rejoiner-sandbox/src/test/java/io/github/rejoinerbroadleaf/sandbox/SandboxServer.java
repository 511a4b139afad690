package io.github.rejoinerbroadleaf.sandbox;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.rejoinerbroadleaf.core.ApiGeneration;
import io.github.rejoinerbroadleaf.core.RejoinerApiClient;
import io.github.rejoinerbroadleaf.core.RejoinerApiConfig;

/** A sandbox on a tiny Jetty (port 0), mounted the way the sample store mounts it, plus HTTP helpers. */
final class SandboxServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    final RejoinerSandbox sandbox;
    private final Server server;

    private SandboxServer(RejoinerSandbox sandbox, Server server) {
        this.sandbox = sandbox;
        this.server = server;
    }

    static SandboxServer start() throws Exception {
        return start(new RejoinerSandbox());
    }

    static SandboxServer start(RejoinerSandbox sandbox) throws Exception {
        Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
        server.setStopTimeout(2000);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath(RejoinerSandbox.DEFAULT_PATH);
        context.addServlet(new ServletHolder(new SandboxServlet(sandbox)), "/*");
        server.setHandler(context);
        server.start();
        return new SandboxServer(sandbox, server);
    }

    String origin() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** The REST base URL a store configures: origin plus /rejoiner-sandbox. */
    String baseUrl() {
        return origin() + RejoinerSandbox.DEFAULT_PATH;
    }

    RejoinerApiClient client(ApiGeneration generation, String apiKey, String apiSecret, Duration callTimeout) {
        return new RejoinerApiClient(RejoinerApiConfig.builder()
                .generation(generation)
                .siteId(RejoinerSandbox.DEMO_SITE_ID)
                .apiKey(apiKey)
                .apiSecret(apiSecret)
                .baseUrl(baseUrl())
                .callTimeout(callTimeout)
                .readTimeout(callTimeout)
                .build());
    }

    RejoinerApiClient rejoiner1() {
        return client(ApiGeneration.REJOINER_1, RejoinerSandbox.DEMO_API_KEY, RejoinerSandbox.DEMO_API_SECRET,
                Duration.ofSeconds(10));
    }

    RejoinerApiClient rejoiner2() {
        return client(ApiGeneration.REJOINER_2, RejoinerSandbox.DEMO_API_KEY, null, Duration.ofSeconds(10));
    }

    /** GET of a path below /rejoiner-sandbox. */
    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a body and headers given as name, value pairs. */
    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The events JSON API's events array (newest first). */
    JsonNode events() throws Exception {
        return JSON.readTree(get("/api/events").body()).get("events");
    }

    JsonNode newestEvent() throws Exception {
        return events().get(0);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
