package io.github.rejoinerbroadleaf.core;

/** The campaign kinds a conversion can target ({@code campaign_type}). */
public enum CampaignType {
    ABANDONMENT("abandonment"),
    CONVERSION("conversion");

    private final String wireName;

    CampaignType(String wireName) {
        this.wireName = wireName;
    }

    /** The value Rejoiner expects in JSON. */
    public String wireName() {
        return wireName;
    }
}
