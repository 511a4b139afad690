package io.github.rejoinerbroadleaf.broadleaf.checkout;

import io.github.rejoinerbroadleaf.broadleaf.MovableClock;
import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.delivery.DeliverySettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsServiceImpl;
import io.github.rejoinerbroadleaf.settings.SettingKey;
import io.github.rejoinerbroadleaf.settings.SettingsLayer;
import io.github.rejoinerbroadleaf.settings.StandardLayers;
import org.broadleafcommerce.core.checkout.service.workflow.CheckoutSeed;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.workflow.DefaultProcessContextImpl;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Conversions switched on without credentials: nothing is queued, and an ERROR says so once a minute. */
class MissingCredentialsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    /** A queue whose database refuses every connection: each enqueue attempt shows up as a failure. */
    private final ConversionQueue queue = queueCountingAttempts();

    private static ConversionQueue queueCountingAttempts() {
        try {
            DataSource refusing = Mockito.mock(DataSource.class);
            Mockito.when(refusing.getConnection()).thenThrow(new SQLTransientConnectionException("test: no database"));
            return new ConversionQueue(refusing, DeliverySettings.defaults());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private RejoinerConversionActivity activity(Map<SettingKey, String> values) {
        List<SettingsLayer> layers = List.of(StandardLayers.fixed("test", values));
        return new RejoinerConversionActivity(new RejoinerSettingsServiceImpl(layers, 0), queue);
    }

    private static DefaultProcessContextImpl<CheckoutSeed> checkout(String orderNumber) {
        Order order = Mockito.mock(Order.class);
        Mockito.when(order.getOrderNumber()).thenReturn(orderNumber);
        Mockito.when(order.getEmailAddress()).thenReturn("shopper@example.com");
        DefaultProcessContextImpl<CheckoutSeed> context = new DefaultProcessContextImpl<CheckoutSeed>();
        context.setSeedData(new CheckoutSeed(order, Collections.<String, Object>emptyMap()));
        return context;
    }

    @Test
    void withoutCredentialsNoOrderIsQueued() throws Exception {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        values.put(SettingKey.CONVERSIONS_ENABLED, "true");
        values.put(SettingKey.SITE_ID, "site1");
        RejoinerConversionActivity activity = activity(values);
        MissingCredentialsAlarm alarm = new MissingCredentialsAlarm(Clock.fixed(T0, ZoneOffset.UTC));
        activity.setMissingCredentialsAlarm(alarm);

        activity.execute(checkout("1001"));

        assertEquals(List.of(0L, 1L), List.of(queue.metrics().enqueueFailures(), alarm.ordersNotQueued()));
    }

    @Test
    void withCredentialsTheOrderIsQueued() throws Exception {
        Map<SettingKey, String> values = new EnumMap<>(SettingKey.class);
        values.put(SettingKey.SITE_ID, "site1");
        values.put(SettingKey.API_KEY, "key1");
        values.put(SettingKey.API_SECRET, "secret1");
        activity(values).execute(checkout("1002"));

        assertEquals(1L, queue.metrics().enqueueFailures(), "one enqueue attempt");
    }

    @Test
    void theAlarmLogsAtMostOnceAMinuteWhileItLasts() {
        MovableClock clock = new MovableClock(T0);
        MissingCredentialsAlarm alarm = new MissingCredentialsAlarm(clock);

        boolean first = alarm.orderNotQueued("1");
        clock.set(T0.plusSeconds(30));
        boolean halfAMinuteLater = alarm.orderNotQueued("2");
        clock.set(T0.plusSeconds(60));
        boolean aMinuteLater = alarm.orderNotQueued("3");
        clock.set(T0.plus(Duration.ofSeconds(119)));
        boolean justBeforeTheNextMinute = alarm.orderNotQueued("4");

        assertEquals(List.of(true, false, true, false, 4L),
                List.of(first, halfAMinuteLater, aMinuteLater, justBeforeTheNextMinute, alarm.ordersNotQueued()));
    }
}
