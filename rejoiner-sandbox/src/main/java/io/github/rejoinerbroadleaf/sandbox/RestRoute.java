package io.github.rejoinerbroadleaf.sandbox;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Where a REST call goes: which API generation, which site, which call. Rejoiner 1 paths are
 * {@code /api/1.0/site/{site}/lead/{op}} (ping: {@code /api/1.0/site/{site}/}); Rejoiner 2 paths are
 * {@code /api/v1/{site}/customer/{op}/} (ping: {@code /api/v1/{site}/ping/}).
 */
final class RestRoute {

    private static final String R1_PREFIX = "/api/1.0/site/";
    private static final String R2_PREFIX = "/api/v1/";
    private static final List<String> OPERATIONS = Collections.unmodifiableList(
            Arrays.asList("convert", "cancel", "unsubscribe", "opt_in"));

    /** Rejoiner 1 (signed) rather than Rejoiner 2 (key). */
    final boolean rejoiner1;
    /** The site id named in the path. */
    final String site;
    /** ping, convert, cancel, unsubscribe or opt_in; null when the path names no call. */
    final String call;
    private final String[] parts;

    private RestRoute(boolean rejoiner1, String[] parts) {
        this.rejoiner1 = rejoiner1;
        this.parts = parts;
        this.site = parts[0];
        this.call = rejoiner1 ? rejoiner1Call(parts) : rejoiner2Call(parts);
    }

    /** Whether {@code path} (relative to the sandbox's base) is one of the REST API's. */
    static boolean isRestPath(String path) {
        return path.startsWith(R1_PREFIX) || path.startsWith(R2_PREFIX);
    }

    /** The route of a path for which {@link #isRestPath} holds. */
    static RestRoute of(String path) {
        boolean r1 = path.startsWith(R1_PREFIX);
        String rest = path.substring((r1 ? R1_PREFIX : R2_PREFIX).length());
        return new RestRoute(r1, rest.split("/", -1));
    }

    boolean isPing() {
        return "ping".equals(call);
    }

    /** Why the path names no call, with the closest hint (for {@link #call} null). */
    String unknownEndpoint() {
        return "no such Rejoiner " + (rejoiner1 ? "1" : "2") + " endpoint" + hint();
    }

    private static String rejoiner1Call(String[] parts) {
        // {site}/  |  {site}  |  {site}/lead/{op}
        if (parts.length == 1 || (parts.length == 2 && parts[1].isEmpty())) {
            return "ping";
        }
        if (parts.length == 3 && parts[1].equals("lead") && OPERATIONS.contains(parts[2])) {
            return parts[2];
        }
        return null;
    }

    private static String rejoiner2Call(String[] parts) {
        // {site}/ping/  |  {site}/customer/{op}/
        if (parts.length == 3 && parts[1].equals("ping") && parts[2].isEmpty()) {
            return "ping";
        }
        if (parts.length == 4 && parts[1].equals("customer") && OPERATIONS.contains(parts[2]) && parts[3].isEmpty()) {
            return parts[2];
        }
        return null;
    }

    private String hint() {
        if (rejoiner1 && parts.length == 4 && parts[1].equals("lead") && OPERATIONS.contains(parts[2])) {
            return " (Rejoiner 1 lead paths have no trailing '/')";
        }
        if (!rejoiner1 && parts.length == 3 && (parts[1].equals("ping") || parts[1].equals("customer"))) {
            return " (Rejoiner 2 paths end with '/')";
        }
        return "; known: " + (rejoiner1 ? "POST /api/1.0/site/{site_id}/lead/{" : "POST /api/v1/{site_id}/customer/{")
                + String.join(",", OPERATIONS) + "}" + (rejoiner1 ? "" : "/") + ", GET "
                + (rejoiner1 ? "/api/1.0/site/{site_id}/" : "/api/v1/{site_id}/ping/");
    }
}
