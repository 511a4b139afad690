package io.github.rejoinerbroadleaf.sandbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Rhino scope for running the library stand-in. Rhino is loaded in its own class loader because
 * the test class path also holds yuicompressor (via Broadleaf), which bundles old Rhino classes
 * under the same names.
 */
final class JsEngine implements AutoCloseable {

    private static final ClassLoader RHINO = rhinoLoader();

    private final Class<?> contextClass;
    private final Object context;
    private final Object scope;
    private final Method evaluate;

    JsEngine() throws Exception {
        contextClass = RHINO.loadClass("org.mozilla.javascript.Context");
        Class<?> scriptable = RHINO.loadClass("org.mozilla.javascript.Scriptable");
        context = contextClass.getMethod("enter").invoke(null);
        contextClass.getMethod("setOptimizationLevel", int.class).invoke(context, -1);
        contextClass.getMethod("setLanguageVersion", int.class).invoke(context, 200);
        scope = contextClass.getMethod("initStandardObjects").invoke(context);
        evaluate = contextClass.getMethod("evaluateString", scriptable, String.class, String.class, int.class, Object.class);
    }

    private static ClassLoader rhinoLoader() {
        try {
            for (URL url : Collections.list(JsEngine.class.getClassLoader().getResources("org/mozilla/javascript/Context.class"))) {
                String s = url.toString();
                if (s.startsWith("jar:") && s.contains("/rhino-")) {
                    return new URLClassLoader(new URL[] {new URL(s.substring(4, s.indexOf("!/")))},
                            ClassLoader.getPlatformClassLoader());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot find the Rhino jar", e);
        }
        throw new IllegalStateException("no Rhino jar on the test class path");
    }

    /** Runs a script in the scope. */
    JsEngine run(String name, String script) throws Exception {
        try {
            evaluate.invoke(context, scope, script, name, 1, null);
        } catch (InvocationTargetException e) {
            throw new AssertionError("JavaScript failed in " + name + ": " + e.getCause(), e.getCause());
        }
        return this;
    }

    /** {@code JSON.stringify(expression)} as a tree. */
    JsonNode json(String expression) throws Exception {
        Object result;
        try {
            result = evaluate.invoke(context, scope, "JSON.stringify(" + expression + ")", "expression", 1, null);
        } catch (InvocationTargetException e) {
            throw new AssertionError("JavaScript failed: " + e.getCause(), e.getCause());
        }
        return SandboxServer.JSON.readTree(String.valueOf(result));
    }

    @Override
    public void close() throws Exception {
        contextClass.getMethod("exit").invoke(null);
    }
}
