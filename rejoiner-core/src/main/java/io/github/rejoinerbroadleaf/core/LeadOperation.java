package io.github.rejoinerbroadleaf.core;

/**
 * The lead-level REST calls of Rejoiner, with their paths in both API generations.
 * The JSON body is the same in both; only path and authentication differ.
 */
public enum LeadOperation {
    CONVERT("lead/convert", "customer/convert/"),
    CANCEL("lead/cancel", "customer/cancel/"),
    UNSUBSCRIBE("lead/unsubscribe", "customer/unsubscribe/"),
    OPT_IN("lead/opt_in", "customer/opt_in/");

    private final String rejoiner1Path;
    private final String rejoiner2Path;

    LeadOperation(String rejoiner1Path, String rejoiner2Path) {
        this.rejoiner1Path = rejoiner1Path;
        this.rejoiner2Path = rejoiner2Path;
    }

    /** Path below {@code /api/1.0/site/{site_id}/}. */
    public String rejoiner1Path() {
        return rejoiner1Path;
    }

    /** Path below {@code /api/v1/{site_id}/}. */
    public String rejoiner2Path() {
        return rejoiner2Path;
    }
}
