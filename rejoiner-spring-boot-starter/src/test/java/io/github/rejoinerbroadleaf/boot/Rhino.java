package io.github.rejoinerbroadleaf.boot;

import java.util.List;

import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Executes page JavaScript in Rhino; a global comes back as Java values through JSON.stringify. */
final class Rhino {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private Rhino() {
    }

    static Object eval(List<String> scripts, String expression) {
        Context cx = Context.enter();
        try {
            cx.setOptimizationLevel(-1);
            Scriptable scope = cx.initStandardObjects();
            for (String script : scripts) {
                cx.evaluateString(scope, script, "page", 1, null);
            }
            Object json = cx.evaluateString(scope, "JSON.stringify(" + expression + ")", "result", 1, null);
            return MAPPER.readValue(Context.toString(json), Object.class);
        } catch (Exception e) {
            throw new AssertionError("JavaScript failed: " + e, e);
        } finally {
            Context.exit();
        }
    }
}
