package io.github.rejoinerbroadleaf.core;

/**
 * The two Rejoiner platforms. They differ in the tracking library URL, the REST base URL,
 * REST paths and REST authentication (Rejoiner 1 signs each request, Rejoiner 2 sends the key).
 */
public enum ApiGeneration {
    REJOINER_1("https://cdn.rejoiner.com/js/v4/rejoiner.lib.js", "https://app.rejoiner.com"),
    REJOINER_2("https://cdn.rejoiner.com/js/v4/rj2.lib.js", "https://rj2.rejoiner.com");

    private final String libraryUrl;
    private final String defaultApiBaseUrl;

    ApiGeneration(String libraryUrl, String defaultApiBaseUrl) {
        this.libraryUrl = libraryUrl;
        this.defaultApiBaseUrl = defaultApiBaseUrl;
    }

    /** The JavaScript API v4 library loaded by the tracking snippet. */
    public String libraryUrl() {
        return libraryUrl;
    }

    /** Scheme and host of the REST API, without a trailing slash. */
    public String defaultApiBaseUrl() {
        return defaultApiBaseUrl;
    }
}
