package io.switchboard.work.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.Office;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The automatic answer to a customer who writes while the channel is closed (WhatsApp, social direct messages, the
 * webshop; not public posts, not calls or store visits, which are answered in person). It is offered for each
 * office the contact's item may be in, since a follow-up joins an item whose office only the database knows; the
 * intake keeps the one of the item's office, once per item and closed period (the period is named by its next
 * opening). A closed period that ended before the contact was stored gets no answer: the channel is open again.
 */
@ApplicationScoped
public class ClosedHours {

    /** Who the thread and the adapters show as the author of an automatic answer. */
    public static final String AUTHOR = "switchboard";
    private static final Set<Channel> MESSAGING = Set.of(Channel.WHATSAPP, Channel.SOCIAL, Channel.WEBSHOP);
    private static final String FALLBACK_LANGUAGE = "en";

    private final ServiceCalendar calendar;
    private final WorkSettings settings;

    public ClosedHours(ServiceCalendar calendar, WorkSettings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    /** The answers the contacts would get, per office whose channel was closed when each arrived. */
    public List<Answer> answers(Collection<ContactRouted> contacts, Instant now) {
        List<Answer> answers = new ArrayList<>();
        for (ContactRouted routed : contacts) {
            if (!MESSAGING.contains(routed.channel()) || routed.contact().publicPost()) {
                continue;
            }
            Instant arrived = routed.contact().receivedAt() != null ? routed.contact().receivedAt() : now;
            for (Office office : Office.values()) {
                BusinessHours hours = calendar.hoursOf(routed.channel(), office);
                Instant opens = hours.isOpen(arrived) ? null : hours.nextChange(arrived);
                if (opens != null && opens.isAfter(now)) {
                    answers.add(new Answer(routed.contactId(), office, opens, text(routed, hours, opens)));
                }
            }
        }
        return answers;
    }

    private String text(ContactRouted routed, BusinessHours hours, Instant opens) {
        String language = IntakePlan.primaryLanguage(routed.contact().language());
        String template = language == null ? null : settings.closedReply().get(language);
        if (template == null) {
            language = FALLBACK_LANGUAGE;
            template = settings.closedReply().get(language);
        }
        return template.replace("{opens}", DateTimeFormatter.ofPattern("EEEE d MMMM HH:mm",
                Locale.forLanguageTag(language)).withZone(hours.zone()).format(opens));
    }

    /** The automatic answer to contact {@code contactId} if its item is in {@code office}, in snake case for SQL. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Answer(String contactId, Office office, Instant opensAt, String text) {
    }
}
