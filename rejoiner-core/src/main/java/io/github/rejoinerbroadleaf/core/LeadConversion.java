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
import io.github.rejoinerbroadleaf.core.internal.Validation;

/**
 * Request of the REST call {@code lead/convert} ({@code customer/convert/} in Rejoiner 2):
 * {@code email} (required), {@code campaign_id} (string, or array when several),
 * {@code campaign_type}, {@code cart_data}, {@code cart_items}. Immutable.
 * Turn it into the body with {@link LeadPayloads#conversion(LeadConversion)}.
 */
public final class LeadConversion {

    private final String email;
    private final List<String> campaignIds;
    private final CampaignType campaignType;
    private final CartData cartData;
    private final List<CartItem> items;

    private LeadConversion(Builder b) {
        this.email = b.email;
        this.campaignIds = Collections.unmodifiableList(new ArrayList<String>(b.campaignIds));
        this.campaignType = b.campaignType;
        this.cartData = b.cartData;
        this.items = Collections.unmodifiableList(new ArrayList<CartItem>(b.items));
    }

    public static Builder builder() {
        return new Builder();
    }

    public String email() {
        return email;
    }

    public List<String> campaignIds() {
        return campaignIds;
    }

    /** The targeted campaign type, or null. */
    public CampaignType campaignType() {
        return campaignType;
    }

    public CartData cartData() {
        return cartData;
    }

    public List<CartItem> items() {
        return items;
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("email", email);
        if (campaignIds.size() == 1) {
            o.put("campaign_id", campaignIds.get(0));
        } else if (campaignIds.size() > 1) {
            ArrayNode ids = o.putArray("campaign_id");
            for (String id : campaignIds) {
                ids.add(id);
            }
        }
        if (campaignType != null) {
            o.put("campaign_type", campaignType.wireName());
        }
        if (cartData != null) {
            o.set("cart_data", cartData.toJson());
        }
        if (!items.isEmpty()) {
            o.set("cart_items", JsonTrees.itemsArray(items));
        }
        return o;
    }

    /** Without the e-mail address (personal data). */
    @Override
    public String toString() {
        return "LeadConversion{campaignIds=" + campaignIds + ", campaignType=" + campaignType
                + ", cartData=" + cartData + ", items=" + items.size() + "}";
    }

    /** Not thread-safe. */
    public static final class Builder {
        private String email;
        private final LinkedHashSet<String> campaignIds = new LinkedHashSet<String>();
        private CampaignType campaignType;
        private CartData cartData;
        private final List<CartItem> items = new ArrayList<CartItem>();

        private Builder() {
        }

        /** The lead's address (required). */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** Adds a campaign id to convert; blank ids are ignored. */
        public Builder campaignId(String campaignId) {
            if (!Text.isBlank(campaignId)) {
                campaignIds.add(Text.clean(campaignId));
            }
            return this;
        }

        public Builder campaignIds(Collection<String> ids) {
            if (ids != null) {
                for (String id : ids) {
                    campaignId(id);
                }
            }
            return this;
        }

        public Builder campaignType(CampaignType type) {
            this.campaignType = type;
            return this;
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

        /**
         * @throws IllegalArgumentException when the e-mail address is missing or malformed (the
         *         message does not contain the address)
         */
        public LeadConversion build() {
            String e = email == null ? null : email.trim();
            if (!Validation.isEmail(e)) {
                throw new IllegalArgumentException("email is missing or malformed");
            }
            email = e;
            return new LeadConversion(this);
        }
    }
}
