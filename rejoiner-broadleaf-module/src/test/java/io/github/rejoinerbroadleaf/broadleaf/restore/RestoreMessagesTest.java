package io.github.rejoinerbroadleaf.broadleaf.restore;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The restore-link messages: placed automatically once, unless a template read them. */
class RestoreMessagesTest {

    @Test
    void unreadMessagesArePlacedOnce() {
        RestoreMessages messages = new RestoreMessages(List.of("Gone"));

        assertEquals("<div class=\"rejoiner-restore-messages\" role=\"status\"><p class=\"rejoiner-restore-message\">Gone</p></div>",
                RestoreMessages.unreadHtml(messages));
        assertNull(RestoreMessages.unreadHtml(messages));
    }

    @Test
    void aTemplateIteratingOrCountingThemTakesThemOver() {
        RestoreMessages iterated = new RestoreMessages(List.of("Gone"));
        iterated.forEach(text -> { });
        RestoreMessages counted = new RestoreMessages(List.of("Gone"));
        counted.isEmpty();

        assertNull(RestoreMessages.unreadHtml(iterated));
        assertNull(RestoreMessages.unreadHtml(counted));
    }

    @Test
    void loggingOrComparingThemIsNotShowingThem() {
        RestoreMessages messages = new RestoreMessages(List.of("Gone"));

        assertEquals("[Gone]", messages.toString());
        assertEquals(List.of("Gone").hashCode(), messages.hashCode());
        assertEquals(new RestoreMessages(List.of("Gone")), messages);

        assertNotNull(RestoreMessages.unreadHtml(messages));
    }

    @Test
    void aFlashCopyFromTheSessionIsUnread() throws Exception {
        RestoreMessages original = new RestoreMessages(List.of("Gone"));
        original.size();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertNotNull(RestoreMessages.unreadHtml(copy));
    }

    @Test
    void otherValuesAndEmptyOutcomesPlaceNothing() {
        assertNull(RestoreMessages.unreadHtml(List.of("a store's own list")));
        assertNull(RestoreMessages.unreadHtml(null));
        assertNull(RestoreMessages.unreadHtml(new RestoreMessages(List.of())));
    }
}
