package io.github.rejoinerbroadleaf.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which artifact may use what, checked on the compiled classes (every class a class file names: imports,
 * fully qualified names, signatures) and on text resources such as Spring XML. Each artifact's LayerTest
 * states its own rules with this helper; the compile class path enforces the rest (no Broadleaf, Spring or
 * servlet API where they are not declared).
 */
public final class LayerRules {

    /** A class name in internal (slash) or source (dot) form, e.g. {@code io/github/x/Y} or {@code io.github.x.Y}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(?:[./][A-Za-z_$][A-Za-z0-9_$]*)+");

    private final Path root;

    private LayerRules(Path root) {
        this.root = root;
    }

    /**
     * The compiled main classes and resources (target/classes) of the artifact whose test class
     * {@code testClass} is (found next to target/test-classes).
     */
    public static LayerRules mainOf(Class<?> testClass) {
        try {
            Path testClasses = Paths.get(testClass.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path main = testClasses.resolveSibling("classes");
            if (!Files.isDirectory(main)) {
                throw new IllegalStateException("no compiled main classes at " + main);
            }
            return new LayerRules(main);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every "file: referenced name" pair where a class or text resource of this artifact names something that
     * starts with one of {@code prefixes} (dotted package prefixes such as {@code io.github.rejoinerbroadleaf.core.internal.}).
     */
    public List<String> referencesTo(String... prefixes) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).sorted().forEach(file -> {
                for (String name : namesIn(file)) {
                    for (String prefix : prefixes) {
                        if (name.startsWith(prefix)) {
                            found.add(root.relativize(file) + ": " + name);
                        }
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The packages this artifact's classes are declared in, e.g. {@code io.github.rejoinerbroadleaf.delivery}. */
    public TreeSet<String> declaredPackages() {
        TreeSet<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String rel = root.relativize(f.getParent()).toString().replace('\\', '/');
                packages.add(rel.replace('/', '.'));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packages;
    }

    private static TreeSet<String> namesIn(Path file) {
        TreeSet<String> names = new TreeSet<>();
        String text;
        try {
            // Class file constant pools keep ASCII names as plain bytes; ISO-8859-1 maps each byte to one char.
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            names.add(m.group().replace('/', '.'));
        }
        return names;
    }
}
