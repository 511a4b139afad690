package io.github.rejoinerbroadleaf.boot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.rejoinerbroadleaf.core.ApiGeneration;

/**
 * Checks {@link RejoinerProperties} by building what the starter will build from them, so the rules
 * are the core's own (site id, key, secret, URLs, timeouts, delivery bounds); the core's messages
 * name its builder fields, which are mapped back to property names here.
 */
final class RejoinerPropertiesCheck {

    /** Builder field (first word of a core validation message) to the property that sets it. */
    private static final Map<String, String> PROPERTY_OF = new HashMap<String, String>();

    static {
        PROPERTY_OF.put("siteId", "rejoiner.site-id");
        PROPERTY_OF.put("apiKey", "rejoiner.api-key");
        PROPERTY_OF.put("apiSecret", "rejoiner.api-secret");
        PROPERTY_OF.put("generation", "rejoiner.api-generation");
        PROPERTY_OF.put("apiGeneration", "rejoiner.api-generation");
        PROPERTY_OF.put("baseUrl", "rejoiner.api-url");
        PROPERTY_OF.put("libraryUrl", "rejoiner.js-url");
        PROPERTY_OF.put("connectTimeout", "rejoiner.http.connect-timeout");
        PROPERTY_OF.put("readTimeout", "rejoiner.http.read-timeout");
        PROPERTY_OF.put("writeTimeout", "rejoiner.http.read-timeout");
        PROPERTY_OF.put("callTimeout", "rejoiner.http.call-timeout");
        PROPERTY_OF.put("workerThreads", "rejoiner.delivery.threads");
        PROPERTY_OF.put("batchSize", "rejoiner.delivery.batch-size");
        PROPERTY_OF.put("pollInterval", "rejoiner.delivery.poll-interval");
        PROPERTY_OF.put("maxAge", "rejoiner.delivery.max-age");
        PROPERTY_OF.put("retentionDays", "rejoiner.delivery.retention-days");
        PROPERTY_OF.put("shutdownTimeout", "rejoiner.delivery.shutdown-timeout");
    }

    /** A host name, optionally with a leading dot, as Rejoiner's setDomain expects. */
    private static final Pattern HOST = Pattern.compile(
            "\\.?[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private final Map<String, String> problems = new LinkedHashMap<String, String>();

    private RejoinerPropertiesCheck() {
    }

    static void requireValid(RejoinerProperties properties) {
        List<InvalidRejoinerPropertiesException.Problem> found = problems(properties);
        if (!found.isEmpty()) {
            throw new InvalidRejoinerPropertiesException(found);
        }
    }

    static List<InvalidRejoinerPropertiesException.Problem> problems(RejoinerProperties p) {
        RejoinerPropertiesCheck check = new RejoinerPropertiesCheck();
        check.run(p);
        List<InvalidRejoinerPropertiesException.Problem> out = new ArrayList<InvalidRejoinerPropertiesException.Problem>();
        for (Map.Entry<String, String> e : check.problems.entrySet()) {
            out.add(new InvalidRejoinerPropertiesException.Problem(e.getKey(), e.getValue()));
        }
        return out;
    }

    private void run(RejoinerProperties p) {
        if (blank(p.getSiteId())) {
            add("rejoiner.site-id", "is not set: it is the Site ID from Rejoiner's Implementation tab");
        }
        if (p.getApiGeneration() == null) {
            add("rejoiner.api-generation", "is not set: use REJOINER_1 (signed requests) or REJOINER_2 (token)");
            return;
        }
        if (!blank(p.getDomain()) && !HOST.matcher(p.getDomain().trim()).matches()) {
            add("rejoiner.domain", "must be a host name such as shop.example.com, optionally with a leading dot (.example.com)");
        }
        // Missing values are reported above; placeholders let the core check everything else.
        RejoinerProperties probe = withPlaceholders(p);
        try {
            RejoinerBeans.trackingScript(probe);
        } catch (IllegalArgumentException e) {
            addCoreMessage(e.getMessage());
        }
        if (p.isConversionsEnabled()) {
            if (blank(p.getApiKey())) {
                add("rejoiner.api-key", "is not set: the REST API key is required while rejoiner.conversions-enabled is true");
            }
            if (p.getApiGeneration() == ApiGeneration.REJOINER_1 && blank(p.getApiSecret())) {
                add("rejoiner.api-secret", "is not set: Rejoiner 1 signs every REST call with it (set it, switch "
                        + "rejoiner.api-generation to REJOINER_2, or set rejoiner.conversions-enabled=false)");
            }
            try {
                RejoinerBeans.apiConfig(probe);
            } catch (IllegalArgumentException e) {
                addCoreMessage(e.getMessage());
            }
        }
        if (p.getDelivery().isEnabled()) {
            try {
                RejoinerBeans.deliverySettings(p);
            } catch (IllegalArgumentException e) {
                addCoreMessage(e.getMessage());
            }
            if (p.getDelivery().getDataSource() != null && blank(p.getDelivery().getDataSource())) {
                add("rejoiner.delivery.data-source", "is empty: leave it out, or name the DataSource bean that holds the queue");
            }
        }
    }

    private static RejoinerProperties withPlaceholders(RejoinerProperties p) {
        RejoinerProperties copy = new RejoinerProperties();
        copy.setSiteId(blank(p.getSiteId()) ? "placeholder" : p.getSiteId());
        copy.setDomain(p.getDomain());
        copy.setApiKey(blank(p.getApiKey()) ? "placeholder" : p.getApiKey());
        copy.setApiSecret(blank(p.getApiSecret()) ? "placeholder" : p.getApiSecret());
        copy.setApiGeneration(p.getApiGeneration());
        copy.setApiUrl(p.getApiUrl());
        copy.setJsUrl(p.getJsUrl());
        copy.getHttp().setConnectTimeout(p.getHttp().getConnectTimeout());
        copy.getHttp().setReadTimeout(p.getHttp().getReadTimeout());
        copy.getHttp().setCallTimeout(p.getHttp().getCallTimeout());
        return copy;
    }

    /** "siteId is required ..." becomes rejoiner.site-id "is required ...". */
    private void addCoreMessage(String message) {
        String text = message == null ? "is invalid" : message.trim();
        int space = text.indexOf(' ');
        String field = space < 0 ? text : text.substring(0, space);
        String property = PROPERTY_OF.get(field);
        if (property == null) {
            add("rejoiner", text);
        } else {
            add(property, space < 0 ? "is invalid" : text.substring(space + 1));
        }
    }

    /** The first problem found for a property is the one reported. */
    private void add(String property, String reason) {
        if (!problems.containsKey(property)) {
            problems.put(property, reason);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.trim().isEmpty();
    }
}
