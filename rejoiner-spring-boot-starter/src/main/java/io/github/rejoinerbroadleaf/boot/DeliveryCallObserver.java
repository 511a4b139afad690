package io.github.rejoinerbroadleaf.boot;

import java.time.Duration;

import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.LeadOperation;

/**
 * Told about every REST call the delivery worker makes (beans of this type are picked up by the
 * starter's worker; {@link RejoinerMetrics} is one). Called on the worker's sender threads; must be
 * quick and must not throw.
 */
public interface DeliveryCallObserver {

    void callFinished(LeadOperation operation, DeliveryOutcome outcome, Duration duration);
}
