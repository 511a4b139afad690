package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.broadleaf.admin.ConnectionTestResult.Verdict;
import io.github.rejoinerbroadleaf.vendor.rejoiner.ApiGeneration;
import io.github.rejoinerbroadleaf.vendor.rejoiner.DeliveryOutcome;
import io.github.rejoinerbroadleaf.vendor.rejoiner.RejoinerApiClient;
import io.github.rejoinerbroadleaf.vendor.rejoiner.RejoinerApiConfig;

import java.time.Duration;

/**
 * "Test connection": one harmless call to Rejoiner ({@link RejoinerApiClient#ping()}) with the values
 * on the screen, the stored secret standing in when none was typed. Free of Broadleaf types.
 */
public class ConnectionTester {

    private final Duration timeout;

    public ConnectionTester() {
        this(Duration.ofSeconds(10));
    }

    public ConnectionTester(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * @param form         the values on the screen
     * @param storedSecret the saved secret, used unless the form carries a new one or clears it; may be null
     */
    public ConnectionTestResult test(SettingsForm form, String storedSecret) {
        ApiGeneration generation = "REJOINER_2".equals(SettingsValidator.trim(form.getApiGeneration()))
                ? ApiGeneration.REJOINER_2 : ApiGeneration.REJOINER_1;
        String secret = SettingsValidator.trim(form.getNewApiSecret());
        if (secret == null && !form.isClearApiSecret()) {
            secret = storedSecret;
        }
        String baseUrl = SettingsValidator.trim(form.getApiUrl());
        RejoinerApiConfig config;
        try {
            config = RejoinerApiConfig.builder()
                    .generation(generation)
                    .siteId(SettingsValidator.trim(form.getSiteId()))
                    .apiKey(SettingsValidator.trim(form.getApiKey()))
                    .apiSecret(secret)
                    .baseUrl(baseUrl)
                    .connectTimeout(timeout)
                    .readTimeout(timeout)
                    .writeTimeout(timeout)
                    .callTimeout(timeout.multipliedBy(2))
                    .build();
        } catch (IllegalArgumentException e) {
            // The builder's messages never contain the secret.
            return new ConnectionTestResult(Verdict.INCOMPLETE, 0, "Cannot test yet: " + e.getMessage() + ".");
        }
        DeliveryOutcome outcome;
        RejoinerApiClient client = new RejoinerApiClient(config);
        try {
            outcome = client.ping();
        } finally {
            client.close();
        }
        return describe(outcome, config.baseUrl(), secret);
    }

    static ConnectionTestResult describe(DeliveryOutcome outcome, String baseUrl, String secret) {
        int status = outcome.httpStatus();
        String detail = scrub(outcome.detail(), secret);
        switch (outcome.kind()) {
            case DELIVERED:
                return new ConnectionTestResult(Verdict.OK, status, "Connection OK: Rejoiner at " + baseUrl
                        + " accepted the credentials (HTTP " + status + ")."
                        + (detail.isEmpty() ? "" : " " + detail));
            case CREDENTIALS:
                return new ConnectionTestResult(Verdict.BAD_CREDENTIALS, status, "Bad credentials: Rejoiner refused "
                        + "the API key or secret (HTTP " + status + "). Check both and the API generation.");
            case TRANSIENT:
                if (status == 0) {
                    return new ConnectionTestResult(Verdict.UNREACHABLE, 0, "Unreachable: no answer from " + baseUrl
                            + (detail.isEmpty() ? "." : " (" + detail + ")."));
                }
                return new ConnectionTestResult(Verdict.UNEXPECTED_ANSWER, status, "Unexpected answer: HTTP " + status
                        + " from " + baseUrl + "; Rejoiner may be busy, try again later.");
            case CONFIGURATION:
                return new ConnectionTestResult(Verdict.UNEXPECTED_ANSWER, status, "Unexpected answer: HTTP " + status
                        + " from " + baseUrl + "; check the site id and the API base URL.");
            default:
                return new ConnectionTestResult(Verdict.UNEXPECTED_ANSWER, status, "Unexpected answer: HTTP " + status
                        + " from " + baseUrl + (detail.isEmpty() ? "." : ": " + detail));
        }
    }

    private static String scrub(String text, String secret) {
        String t = text == null ? "" : text;
        if (secret != null && !secret.isEmpty()) {
            t = t.replace(secret, "(hidden)");
        }
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
