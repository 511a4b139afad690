package io.github.rejoinerbroadleaf.sandbox;

import java.util.Locale;

/** What the sandbox's REST endpoints do instead of answering normally, to exercise a store's retries. */
public enum FaultMode {
    /** Answer normally. */
    NONE("none"),
    /** Answer every REST call with 500 (a Rejoiner outage: the store should retry later). */
    ERROR_500("500"),
    /** Answer every REST call with 403 (revoked credentials: the store should pause the site). */
    FORBIDDEN_403("403"),
    /** Hold every REST call for the configured hang time, then answer 503 (a network stall: the client times out). */
    HANG("hang");

    private final String wireName;

    FaultMode(String wireName) {
        this.wireName = wireName;
    }

    /** The name used by the JSON API and the forms: none, 500, 403 or hang. */
    public String wireName() {
        return wireName;
    }

    /** The mode for a wire name (case-insensitive, trimmed), or null when there is none. */
    public static FaultMode fromWireName(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (FaultMode mode : values()) {
            if (mode.wireName.equals(v)) {
                return mode;
            }
        }
        return null;
    }
}
