package io.github.rejoinerbroadleaf.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Argument shapes of the JavaScript API v4 calls, per the guide: "valid" or the first error. */
class JsCallValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PayloadRules rules = new PayloadRules(RejoinerSandbox.DEMO_SITE_ID);

    private String check(String callJson) throws Exception {
        JsonNode call = JSON.readTree(callJson.replace('\'', '"'));
        Findings f = new Findings();
        rules.jsCall(call, f);
        return f.hasErrors() ? f.texts(Findings.ERROR).get(0) : "valid";
    }

    @Test
    void theGuidesExamplesAreValid() throws Exception {
        String[] calls = {
            "['setAccount','sandbox-site']", "['setDomain','.example.com']",
            "['setCartData',{'cart_value':79996,'cart_item_count':4,'return_url':'https://x.example/cart'}]",
            "['setCartItem',{'product_id':'SKU-1002','name':'TV','category':['tv','bestsellers'],'price':29999,"
                    + "'item_qty':3,'qty_price':89997,'product_url':'https://x.example/p','image_url':'https://x.example/i',"
                    + "'description':'Best TV ever'}]",
            "['removeCartItem',{'product_id':'SKU-1002'}]",
            "['sendConversion']",
            "['sendConversion',{'campaign_type':['abandonment'],'campaign_ids':['517e97c5'],"
                    + "'cart_data':{'cart_value':79996,'cart_item_count':2,'customer_order_number':'ACID/12113/07/16','promo':'S16'},"
                    + "'cart_items':[{'product_id':'SKU-1002','category':['tv'],'my_custom_param_1':'x'}]}]",
            "['startNewOrder']", "['clearCartData']", "['trackPageView',false]",
            "['addPageView',{'url':'https://x.example/spa/step-2'}]",
            "['trackProductView',{'product_id':'SKU-1223','name':'TV','category':['tv'],'price':19999,"
                    + "'product_url':'https://x.example/p','image_url':'https://x.example/i'}]",
            "['setCustomerData',{'age':23,'gender':'m','language':'en','name':'John'}]",
            "['setCustomerEmail',{'email':'john@example.com'}]"};
        StringBuilder results = new StringBuilder();
        for (String call : calls) {
            results.append(check(call)).append(';');
        }
        assertEquals("valid;".repeat(calls.length), results.toString());
    }

    @Test
    void anUnknownCallNameIsAnError() throws Exception {
        assertEquals("[0]: 'setCartTotal' is not a call of the JavaScript API v4", check("['setCartTotal',{}]").split(" \\(")[0]);
    }

    @Test
    void anItemThatIsNotAnArrayIsAnError() throws Exception {
        assertEquals("each _rejoiner.push item must be an array [name, argument], got a string", check("'setAccount'"));
    }

    @Test
    void anotherSiteIdIsAnError() throws Exception {
        assertEquals("[1]: 'abc' is not this sandbox's site id", check("['setAccount','abc']"));
    }

    @Test
    void setCartItemWithoutCategoryIsAnError() throws Exception {
        assertEquals("category: is required (an array of category strings)", check("['setCartItem',{'product_id':'A'}]"));
    }

    @Test
    void setCartDataWithDollarsIsAnError() throws Exception {
        assertEquals("cart_value: must be an integer number of cents (e.g. 4599 for $45.99), got 45.99",
                check("['setCartData',{'cart_value':45.99}]"));
    }

    @Test
    void setCartDataWithoutArgumentIsAnError() throws Exception {
        assertEquals("[1]: argument missing; expected an object", check("['setCartData']"));
    }

    @Test
    void trackPageViewNeedsABoolean() throws Exception {
        assertEquals("[1]: must be a boolean, got a string", check("['trackPageView','false']"));
    }

    @Test
    void addPageViewNeedsAUrl() throws Exception {
        assertEquals("url: is required", check("['addPageView',{}]"));
    }

    @Test
    void sendConversionWithAnUnknownCampaignTypeIsAnError() throws Exception {
        assertEquals("campaign_type[0]: must be \"abandonment\" or \"conversion\", got 'upsell'",
                check("['sendConversion',{'campaign_type':['upsell']}]"));
    }

    @Test
    void sendConversionWithTheRestSpellingCampaignIdIsAnError() throws Exception {
        assertEquals("campaign_id: unknown key: not a sendConversion parameter", check("['sendConversion',{'campaign_id':'1'}]"));
    }

    @Test
    void trackProductViewRejectsCustomFields() throws Exception {
        assertEquals("colour: unknown key: not a trackProductView parameter (custom fields are for cart items)",
                check("['trackProductView',{'product_id':'A','category':['x'],'colour':'red'}]"));
    }

    @Test
    void setCustomerDataRejectsAnUnknownGender() throws Exception {
        assertEquals("gender: must be one of male, female, m, f, got 'x'", check("['setCustomerData',{'gender':'x'}]"));
    }

    @Test
    void setCustomerDataRejectsAnUnknownLanguage() throws Exception {
        assertEquals("language: 'klingon' is not an ISO 639-1 or 639-2 code", check("['setCustomerData',{'language':'klingon'}]"));
    }

    @Test
    void setCustomerEmailRejectsAMalformedAddress() throws Exception {
        assertEquals("email: is not an e-mail address", check("['setCustomerEmail',{'email':'john'}]"));
    }
}
