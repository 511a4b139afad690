package io.github.rejoinerbroadleaf.boot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.rejoinerbroadleaf.core.DeliveryOutcome;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.core.LeadSender;
import io.github.rejoinerbroadleaf.delivery.LeadSenderProvider;

/** Times each call of the provided senders and tells the {@link DeliveryCallObserver}s. */
final class ObservedLeadSenderProvider implements LeadSenderProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ObservedLeadSenderProvider.class);

    private final LeadSenderProvider delegate;
    private final List<DeliveryCallObserver> observers;
    private final Clock clock;

    ObservedLeadSenderProvider(LeadSenderProvider delegate, List<DeliveryCallObserver> observers) {
        this(delegate, observers, Clock.systemUTC());
    }

    ObservedLeadSenderProvider(LeadSenderProvider delegate, List<DeliveryCallObserver> observers, Clock clock) {
        this.delegate = delegate;
        this.observers = new ArrayList<DeliveryCallObserver>(observers);
        this.clock = clock;
    }

    @Override
    public LeadSender forSite(String site) {
        final LeadSender sender = delegate.forSite(site);
        if (sender == null) {
            return null;
        }
        return (operation, jsonBody) -> {
            Instant start = clock.instant();
            DeliveryOutcome outcome = sender.send(operation, jsonBody);
            tell(operation, outcome, Duration.between(start, clock.instant()));
            return outcome;
        };
    }

    private void tell(LeadOperation operation, DeliveryOutcome outcome, Duration duration) {
        for (DeliveryCallObserver observer : observers) {
            try {
                observer.callFinished(operation, outcome, duration);
            } catch (RuntimeException e) {
                LOG.debug("Rejoiner delivery observer {} failed: {}", observer, e.toString());
            }
        }
    }
}
