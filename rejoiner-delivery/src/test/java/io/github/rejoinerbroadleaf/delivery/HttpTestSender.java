package io.github.rejoinerbroadleaf.delivery;

import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.DeliveryOutcome.Kind;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.core.LeadSender;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;

/**
 * A tiny real HTTP sender for fault injection: POSTs the body with OkHttp and classifies the answer
 * the way the contract of {@link DeliveryOutcome} describes. Automatic retries are off so that
 * every retry is the queue's.
 */
final class HttpTestSender implements LeadSender {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final HttpUrl base;

    HttpTestSender(HttpUrl base, Duration readTimeout) {
        this.base = base;
        this.client = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(readTimeout)
                .build();
    }

    @Override
    public DeliveryOutcome send(LeadOperation operation, String jsonBody) {
        Request request = new Request.Builder().url(base.resolve(operation.rejoiner1Path()))
                .post(RequestBody.create(jsonBody, JSON)).build();
        try (Response response = client.newCall(request).execute()) {
            int code = response.code();
            String body = response.body() == null ? "" : response.body().string();
            return DeliveryOutcome.of(kindOf(code), code, body, retryAfter(response.header("Retry-After")));
        } catch (IOException e) {
            return DeliveryOutcome.ioFailure(e.toString());
        }
    }

    private static Kind kindOf(int code) {
        if (code >= 200 && code < 300) {
            return Kind.DELIVERED;
        }
        if (code == 400) {
            return Kind.REJECTED;
        }
        if (code == 401 || code == 403) {
            return Kind.CREDENTIALS;
        }
        if (code == 408 || code == 429 || code >= 500) {
            return Kind.TRANSIENT;
        }
        return Kind.CONFIGURATION;
    }

    private static Duration retryAfter(String header) {
        try {
            return header == null ? null : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
