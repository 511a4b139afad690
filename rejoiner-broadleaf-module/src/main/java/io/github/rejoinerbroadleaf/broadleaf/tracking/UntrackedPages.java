package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.springframework.util.AntPathMatcher;
import org.springframework.web.util.UrlPathHelper;

import javax.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Matches a request against the setting {@code untrackedPagePatterns} (Ant patterns on the path
 * within the application; such pages get {@code trackPageView false}). The answers are kept per
 * request URI for the current list of patterns: matching Ant patterns costs microseconds per page.
 */
final class UntrackedPages {

    static final int MAX_PATHS = 2000;
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final AntPathMatcher pathMatcher = new AntPathMatcher();
    private final AtomicReference<Verdicts> verdicts = new AtomicReference<Verdicts>();

    boolean isUntracked(HttpServletRequest request, List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return false;
        }
        Verdicts current = verdicts.get();
        if (current == null || !(current.patterns == patterns || current.patterns.equals(patterns))) {
            current = new Verdicts(patterns);
            verdicts.set(current);
        }
        // Keyed by the raw URI: the same URI always gives the same decoded path, so the same answer.
        String uri = request.getRequestURI();
        Boolean known = uri == null ? null : current.answers.get(uri);
        if (known != null) {
            return known;
        }
        boolean untracked = matchesAny(PATHS.getPathWithinApplication(request), patterns);
        if (uri != null) {
            if (current.answers.size() >= MAX_PATHS) {
                current.answers.clear();
            }
            current.answers.put(uri, untracked);
        }
        return untracked;
    }

    private boolean matchesAny(String path, List<String> patterns) {
        for (String pattern : patterns) {
            if (pattern != null && pathMatcher.match(pattern.trim(), path)) {
                return true;
            }
        }
        return false;
    }

    /** The answers for one list of patterns. */
    private static final class Verdicts {
        final List<String> patterns;
        final ConcurrentMap<String, Boolean> answers = new ConcurrentHashMap<String, Boolean>();

        Verdicts(List<String> patterns) {
            this.patterns = patterns;
        }
    }
}
