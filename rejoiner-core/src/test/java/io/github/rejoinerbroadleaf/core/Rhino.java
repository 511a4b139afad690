package io.github.rejoinerbroadleaf.core;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs JavaScript in Rhino 1.7.15 loaded in its own class loader: the test class path also holds
 * yuicompressor 2.4.7 (provided, via Broadleaf), which bundles old copies of Rhino classes under
 * the same names and shadows the real ones. Results come back through JSON.stringify.
 */
final class Rhino {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final ClassLoader LOADER = isolatedLoader();

    private Rhino() {
    }

    private static ClassLoader isolatedLoader() {
        try {
            for (URL url : Collections.list(Rhino.class.getClassLoader().getResources("org/mozilla/javascript/Context.class"))) {
                String s = url.toString();
                if (s.startsWith("jar:") && s.contains("/rhino-")) {
                    URL jar = new URL(s.substring("jar:".length(), s.indexOf("!/")));
                    return new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the Rhino jar", e);
        }
        throw new IllegalStateException("Rhino jar not on the test class path");
    }

    /** Evaluates each script in order in one fresh scope; returns {@code JSON.stringify(expression)} as Java values. */
    static Object eval(List<String> scripts, String expression) {
        try {
            Class<?> contextClass = LOADER.loadClass("org.mozilla.javascript.Context");
            Class<?> scriptableClass = LOADER.loadClass("org.mozilla.javascript.Scriptable");
            Object cx = contextClass.getMethod("enter").invoke(null);
            try {
                contextClass.getMethod("setOptimizationLevel", int.class).invoke(cx, -1);
                Object scope = contextClass.getMethod("initStandardObjects").invoke(cx);
                Method evaluate = contextClass.getMethod("evaluateString", scriptableClass, String.class, String.class,
                        int.class, Object.class);
                for (String script : scripts) {
                    evaluate.invoke(cx, scope, script, "test", 1, null);
                }
                Object json = evaluate.invoke(cx, scope, "JSON.stringify(" + expression + ")", "result", 1, null);
                return MAPPER.readValue(json.toString(), Object.class);
            } finally {
                contextClass.getMethod("exit").invoke(null);
            }
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new AssertionError("JavaScript failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
