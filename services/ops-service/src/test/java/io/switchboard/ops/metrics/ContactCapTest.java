package io.switchboard.ops.metrics;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.LifecycleEventType;
import io.switchboard.ops.ContactEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.switchboard.contracts.LifecycleEventType.ACCEPTED;
import static io.switchboard.contracts.LifecycleEventType.COMPLETED;
import static io.switchboard.contracts.LifecycleEventType.QUEUED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's cap on remembered contacts (switchboard.ops.max-contacts): open contacts are the queues and are never
 * forgotten, even beyond the cap; finished ones are forgotten a tenth of the cap at a time, the oldest first.
 */
class ContactCapTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void openContactsBeyondTheCapAreAllCountedAndFinishedOnesExceedItByATenthAtMost() {
        ChannelBoard board = new ChannelBoard(BoardFootprint.settings(100));

        for (int i = 0; i < 150; i++) {
            step(board, "open-" + i, QUEUED);
        }
        assertThat(board.rememberedContacts()).isEqualTo(150);

        for (int i = 0; i < 100; i++) {
            step(board, "done-" + i, QUEUED, ACCEPTED, COMPLETED);
            assertThat(board.rememberedContacts()).isBetween(150, 160);
        }
        ChannelView whatsapp = board.snapshot(AT).channels().stream()
                .filter(view -> view.channel() == Channel.WHATSAPP).findFirst().orElseThrow();
        assertThat(whatsapp.waiting()).isEqualTo(150);
        assertThat(whatsapp.inProgress()).isZero();
    }

    private static void step(ChannelBoard board, String customer, LifecycleEventType... types) {
        ContactRouted routed = ContactEvents.routed(Channel.WHATSAPP, customer,
                io.switchboard.contracts.Intent.INFORMATION, "Wat zijn de openingstijden?", AT);
        board.routed(routed, AT);
        for (LifecycleEventType type : types) {
            board.lifecycle(ContactEvents.step(routed, type, AT, AT), AT);
        }
    }
}
