package io.github.rejoinerbroadleaf.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.rejoinerbroadleaf.core.internal.Text;

/**
 * The argument of the JavaScript {@code sendConversion} call: cart data, cart items and the
 * optional targeting by campaign type(s) and campaign id(s). Immutable. Items without product
 * id are left out (their builder already logged why).
 */
public final class Conversion {

    private final CartData cartData;
    private final List<CartItem> items;
    private final List<CampaignType> campaignTypes;
    private final List<String> campaignIds;

    private Conversion(Builder b) {
        this.cartData = b.cartData;
        this.items = Collections.unmodifiableList(new ArrayList<CartItem>(b.items));
        this.campaignTypes = Collections.unmodifiableList(new ArrayList<CampaignType>(b.campaignTypes));
        this.campaignIds = Collections.unmodifiableList(new ArrayList<String>(b.campaignIds));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Cart data, or null. */
    public CartData cartData() {
        return cartData;
    }

    /** Items that have a product id. */
    public List<CartItem> items() {
        return items;
    }

    public List<CampaignType> campaignTypes() {
        return campaignTypes;
    }

    public List<String> campaignIds() {
        return campaignIds;
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (!campaignTypes.isEmpty()) {
            ArrayNode types = o.putArray("campaign_type");
            for (CampaignType t : campaignTypes) {
                types.add(t.wireName());
            }
        }
        if (!campaignIds.isEmpty()) {
            ArrayNode ids = o.putArray("campaign_ids");
            for (String id : campaignIds) {
                ids.add(id);
            }
        }
        if (cartData != null) {
            o.set("cart_data", cartData.toJson());
        }
        if (!items.isEmpty()) {
            o.set("cart_items", JsonTrees.itemsArray(items));
        }
        return o;
    }

    @Override
    public String toString() {
        return "Conversion" + toJson();
    }

    /** Not thread-safe. */
    public static final class Builder {
        private CartData cartData;
        private final List<CartItem> items = new ArrayList<CartItem>();
        private final LinkedHashSet<CampaignType> campaignTypes = new LinkedHashSet<CampaignType>();
        private final LinkedHashSet<String> campaignIds = new LinkedHashSet<String>();

        private Builder() {
        }

        public Builder cartData(CartData cartData) {
            this.cartData = cartData;
            return this;
        }

        /** Adds an item; items without product id are skipped. */
        public Builder item(CartItem item) {
            CartItem.addSendable(items, Collections.singletonList(item));
            return this;
        }

        public Builder items(Collection<CartItem> items) {
            CartItem.addSendable(this.items, items);
            return this;
        }

        /** Targets campaigns of this type; may be called for both types. */
        public Builder campaignType(CampaignType type) {
            if (type != null) {
                campaignTypes.add(type);
            }
            return this;
        }

        /** Targets one campaign id; blank ids are ignored, duplicates collapse. */
        public Builder campaignId(String campaignId) {
            if (!Text.isBlank(campaignId)) {
                campaignIds.add(Text.clean(campaignId));
            }
            return this;
        }

        public Conversion build() {
            return new Conversion(this);
        }
    }
}
