package io.github.rejoinerbroadleaf.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link RejoinerStartupException} into Spring Boot's "APPLICATION FAILED TO START" report. */
public class RejoinerPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<RejoinerStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RejoinerStartupException cause) {
        if (!(cause instanceof InvalidRejoinerPropertiesException)) {
            return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
        }
        StringBuilder description = new StringBuilder("The Rejoiner settings cannot work:\n");
        for (InvalidRejoinerPropertiesException.Problem p : ((InvalidRejoinerPropertiesException) cause).problems()) {
            description.append(String.format("%n    Property: %s (environment variable %s)%n    Reason: %s%n",
                    p.property(), p.environmentVariable(), p.reason()));
        }
        return new FailureAnalysis(description.toString(), cause.action(), cause);
    }
}
