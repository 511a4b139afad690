package io.github.rejoinerbroadleaf.boot;

import com.fasterxml.jackson.core.Version;

/**
 * The libraries rejoiner-core needs at run time in newer versions than Spring Boot 2.7 manages:
 * Jackson 2.16 or later (Spring Boot 2.7.18 manages 2.13.5). Checked at start-up so that a wrong
 * version is a clear report rather than a NoSuchMethodError on the first rendered page.
 */
final class LibraryVersions {

    static final int JACKSON_MAJOR = 2;
    static final int JACKSON_MINOR = 16;

    private LibraryVersions() {
    }

    static void requireCompatible() {
        String problem = jacksonProblem(com.fasterxml.jackson.core.json.PackageVersion.VERSION,
                com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
        if (problem != null) {
            throw new RejoinerStartupException(problem, "Spring Boot 2.7 manages Jackson 2.13: set the build property "
                    + "jackson-bom.version to 2.17.2 (the version rejoiner-core is built and tested with), "
                    + "or import com.fasterxml.jackson:jackson-bom before spring-boot-dependencies.");
        }
    }

    /** Null when both are recent enough, else what is wrong. */
    static String jacksonProblem(Version core, Version databind) {
        if (tooOld(core) || tooOld(databind)) {
            return "rejoiner-core needs Jackson " + JACKSON_MAJOR + "." + JACKSON_MINOR + " or later; this application has "
                    + "jackson-core " + core + " and jackson-databind " + databind + ".";
        }
        return null;
    }

    private static boolean tooOld(Version v) {
        return v.getMajorVersion() < JACKSON_MAJOR
                || (v.getMajorVersion() == JACKSON_MAJOR && v.getMinorVersion() < JACKSON_MINOR);
    }
}
