package io.github.rejoinerbroadleaf.boot;

import com.fasterxml.jackson.core.Version;

/**
 * The library versions rejoiner-core needs at run time: Jackson 2.13 or later (what Spring Boot 2.7
 * manages). Checked at start-up so that an older Jackson (an application that pins one) is a clear
 * report rather than a NoSuchMethodError on the first rendered page.
 */
final class LibraryVersions {

    static final int JACKSON_MAJOR = 2;
    static final int JACKSON_MINOR = 13;

    private LibraryVersions() {
    }

    static void requireCompatible() {
        String problem = jacksonProblem(com.fasterxml.jackson.core.json.PackageVersion.VERSION,
                com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
        if (problem != null) {
            throw new RejoinerStartupException(problem, "Remove the pinned Jackson version (Spring Boot 2.7 manages 2.13.5), or set the build property "
                    + "jackson-bom.version to 2.13.0 or later.");
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
