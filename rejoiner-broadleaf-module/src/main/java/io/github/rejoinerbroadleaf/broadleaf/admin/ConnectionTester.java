package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.broadleaf.admin.ConnectionTestResult.Verdict;
import io.github.rejoinerbroadleaf.core.ApiGeneration;
import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.RejoinerApiClient;
import io.github.rejoinerbroadleaf.core.RejoinerApiConfig;
import io.github.rejoinerbroadleaf.settings.SettingKey;

import java.time.Duration;

/**
 * "Test connection": one harmless call to Rejoiner ({@link RejoinerApiClient#ping()}) with the values
 * on the screen, the stored key and secret standing in when none was typed, but only while the API
 * base URL is the stored one: saved credentials are never sent to an address they were not saved for.
 * The answer never quotes what the target sent back (it may be anyone's server). Free of Broadleaf types.
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
     * @param form   the values on the screen
     * @param stored the saved row (its key and secret are used unless the form carries new ones or
     *               clears them, and only when the form's API base URL is the saved one); may be null
     */
    public ConnectionTestResult test(SettingsForm form, RejoinerSettingsRecord stored) {
        ApiGeneration generation = "REJOINER_2".equals(SettingsValidator.trim(form.get(SettingKey.API_GENERATION)))
                ? ApiGeneration.REJOINER_2 : ApiGeneration.REJOINER_1;
        String typedSecret = SettingsValidator.trim(form.typed(SettingKey.API_SECRET));
        String typedKey = SettingsValidator.trim(form.typed(SettingKey.API_KEY));
        String storedSecret = stored == null ? null : SettingsValidator.trim(stored.value(SettingKey.API_SECRET));
        String storedKey = stored == null ? null : SettingsValidator.trim(stored.value(SettingKey.API_KEY));
        boolean urlChanged = SettingsValidator.apiUrlChanged(form, stored == null ? null : stored.value(SettingKey.API_URL));
        boolean needsStoredSecret = typedSecret == null && !form.isCleared(SettingKey.API_SECRET) && storedSecret != null
                && generation == ApiGeneration.REJOINER_1;
        boolean needsStoredKey = typedKey == null && !form.isCleared(SettingKey.API_KEY) && storedKey != null;
        if (urlChanged && (needsStoredSecret || needsStoredKey)) {
            return new ConnectionTestResult(Verdict.INCOMPLETE, 0, "Not tested: you changed the API base URL, so the "
                    + "saved " + (needsStoredSecret && needsStoredKey ? "API key and secret are"
                    : needsStoredSecret ? "API secret is" : "API key is")
                    + " not sent there. Type " + (needsStoredSecret && needsStoredKey ? "them" : "it") + " again to test.");
        }
        String secret = typedSecret != null ? typedSecret : needsStoredSecret ? storedSecret : null;
        String key = typedKey != null ? typedKey : needsStoredKey ? storedKey : null;
        String baseUrl = SettingsValidator.trim(form.get(SettingKey.API_URL));
        RejoinerApiConfig config;
        try {
            config = RejoinerApiConfig.builder()
                    .generation(generation)
                    .siteId(SettingsValidator.trim(form.get(SettingKey.SITE_ID)))
                    .apiKey(key)
                    .apiSecret(secret)
                    .baseUrl(baseUrl)
                    .connectTimeout(timeout)
                    .readTimeout(timeout)
                    .writeTimeout(timeout)
                    .callTimeout(timeout.multipliedBy(2))
                    .build();
        } catch (IllegalArgumentException e) {
            // The builder's messages never contain the secret or the key.
            return new ConnectionTestResult(Verdict.INCOMPLETE, 0, "Cannot test yet: " + e.getMessage() + ".");
        }
        DeliveryOutcome outcome;
        RejoinerApiClient client = new RejoinerApiClient(config);
        try {
            outcome = client.ping();
        } finally {
            client.close();
        }
        return describe(outcome, config.baseUrl(), generation);
    }

    /** Words for an outcome: the verdict and the HTTP status only, never the target's reason phrase or body. */
    static ConnectionTestResult describe(DeliveryOutcome outcome, String baseUrl, ApiGeneration generation) {
        int status = outcome.httpStatus();
        String warning = SettingsValidator.isRejoinerHost(baseUrl) ? ""
                : " Warning: " + baseUrl + " is not a Rejoiner address (rejoiner.com); make sure you trust it.";
        ConnectionTestResult result;
        switch (outcome.kind()) {
            case DELIVERED:
                if (status < 200 || status > 299) {
                    // Rejoiner 1 has no ping endpoint: its client counts 404/405 as "not refused". That is
                    // no proof of anything, so the screen does not call it OK.
                    result = new ConnectionTestResult(Verdict.UNEXPECTED_ANSWER, status, "Not confirmed: HTTP " + status
                            + " from " + baseUrl + ". The credentials were not refused, but nothing there confirmed "
                            + "them; check the site id and the API base URL.");
                } else {
                    result = new ConnectionTestResult(Verdict.OK, status, "Connection OK: " + baseUrl
                            + " accepted the credentials (HTTP " + status + ").");
                }
                break;
            case CREDENTIALS:
                result = new ConnectionTestResult(Verdict.BAD_CREDENTIALS, status, "Bad credentials: Rejoiner refused "
                        + "the API key or secret (HTTP " + status + "). Check both and the API generation.");
                break;
            case TRANSIENT:
                if (status == 0) {
                    result = new ConnectionTestResult(Verdict.UNREACHABLE, 0, "Unreachable: no answer from " + baseUrl
                            + " (connection refused, unknown host, TLS failure or timeout).");
                } else {
                    result = new ConnectionTestResult(Verdict.UNEXPECTED_ANSWER, status, "Unexpected answer: HTTP "
                            + status + " from " + baseUrl + "; Rejoiner may be busy, try again later.");
                }
                break;
            case CONFIGURATION:
                result = new ConnectionTestResult(Verdict.UNEXPECTED_ANSWER, status, "Unexpected answer: HTTP " + status
                        + " from " + baseUrl + "; check the site id and the API base URL.");
                break;
            default:
                result = new ConnectionTestResult(Verdict.UNEXPECTED_ANSWER, status, "Unexpected answer: HTTP " + status
                        + " from " + baseUrl + ".");
        }
        return warning.isEmpty() ? result
                : new ConnectionTestResult(result.getVerdict(), result.getHttpStatus(), result.getMessage() + warning, true);
    }
}
