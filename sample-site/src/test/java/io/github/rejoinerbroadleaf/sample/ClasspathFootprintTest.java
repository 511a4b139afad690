package io.github.rejoinerbroadleaf.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.github.rejoinerbroadleaf.core.TrackingScript;
import org.junit.jupiter.api.Test;

/**
 * Adding rejoiner-broadleaf-module (and the sandbox the sample runs) changes no library of the store: the
 * store's runtime class path, as Maven resolves it for the sample (target/runtime-classpath.txt, written by
 * dependency:build-classpath), holds no Jackson 2, OkHttp, Okio or Kotlin classes (the module carries
 * them relocated), each module class once, and the store's own slf4j-api.
 */
class ClasspathFootprintTest {

    private static final List<String> FOREIGN = Arrays.asList("com/fasterxml/jackson/", "okhttp3/", "okio/", "kotlin/");
    private static final String CORE_CLASS = "io/github/rejoinerbroadleaf/core/TrackingScript.class";
    private static final String DELIVERY_CLASS = "io/github/rejoinerbroadleaf/delivery/ConversionQueue.class";
    private static final String SHADED_OKHTTP = "io/github/rejoinerbroadleaf/internal/shaded/okhttp3/OkHttpClient.class";

    private static List<Path> runtimeClasspath() throws IOException {
        Path file = Paths.get("target", "runtime-classpath.txt");
        assertTrue(Files.isRegularFile(file), file + " is written by dependency:build-classpath (generate-test-resources)");
        List<Path> entries = new ArrayList<>();
        for (String e : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim().split(File.pathSeparator)) {
            entries.add(Paths.get(e));
        }
        return entries;
    }

    private static List<String> entriesOf(Path jar, List<String> prefixes) throws IOException {
        List<String> hits = new ArrayList<>();
        if (!jar.toString().endsWith(".jar")) {
            return hits;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                for (String p : prefixes) {
                    if (name.startsWith(p)) {
                        hits.add(jar.getFileName() + "!" + name);
                        break;
                    }
                }
            }
        }
        return hits;
    }

    @Test
    void noJacksonTwoOkHttpOkioOrKotlinOnTheStoresRuntimeClasspath() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path entry : runtimeClasspath()) {
            List<String> hits = entriesOf(entry, FOREIGN);
            if (!hits.isEmpty()) {
                found.add(hits.get(0) + " (+" + (hits.size() - 1) + " more)");
            }
        }
        assertEquals(new ArrayList<String>(), found);
    }

    @Test
    void eachModuleClassIsOnTheClasspathOnceInsideTheShadedModuleJar() throws IOException {
        List<String> core = new ArrayList<>();
        List<String> delivery = new ArrayList<>();
        for (Path entry : runtimeClasspath()) {
            core.addAll(entriesOf(entry, Arrays.asList(CORE_CLASS)));
            delivery.addAll(entriesOf(entry, Arrays.asList(DELIVERY_CLASS)));
        }
        assertEquals(1, core.size(), core.toString());
        assertEquals(1, delivery.size(), delivery.toString());
        assertTrue(core.get(0).startsWith("rejoiner-broadleaf-module"), core.get(0));
    }

    @Test
    void theStoreInProcessTestsRunTheShadedModuleJar() throws Exception {
        Path loadedFrom = Paths.get(TrackingScript.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(loadedFrom.toString().endsWith(".jar"), "module classes come from " + loadedFrom
                + "; run the sample's tests with 'verify' (or 'package') so that the reactor uses the packaged jar");
        assertEquals(1, entriesOf(loadedFrom, Arrays.asList(SHADED_OKHTTP)).size(), "relocated OkHttp in " + loadedFrom);
    }

    @Test
    void slf4jApiStaysAtTheVersionOfTheStoresLoggingBinding() throws IOException {
        Pattern versioned = Pattern.compile("(slf4j-api|slf4j-log4j12)-(\\d+\\.\\d+)\\..*\\.jar");
        List<String> api = new ArrayList<>();
        List<String> binding = new ArrayList<>();
        for (Path entry : runtimeClasspath()) {
            Matcher m = versioned.matcher(entry.getFileName().toString());
            if (m.matches()) {
                (m.group(1).equals("slf4j-api") ? api : binding).add(m.group(2));
            }
        }
        assertEquals(1, api.size(), "slf4j-api jars: " + api);
        assertEquals(1, binding.size(), "slf4j-log4j12 jars: " + binding);
        assertEquals(binding.get(0), api.get(0), "slf4j-api must stay at the store's (Broadleaf's) version");
    }
}
