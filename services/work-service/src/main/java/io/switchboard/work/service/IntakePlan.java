package io.switchboard.work.service;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.contracts.ContactRouted.TargetingStep;
import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.contracts.Rst;
import io.switchboard.work.model.WorkState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a batch of routed contacts becomes, decided for the whole batch from what the database already holds: a
 * contact already recorded is a duplicate (a redelivery); a follow-up of a customer whose conversation on that
 * channel is open joins that item — also when the item was opened earlier in the same batch; a contact whose
 * customer already left (an abandon that arrived first) is stored as {@code ABANDONED}; every other contact opens
 * a new item in its office's queue. A WhatsApp text that begins with a number 0–10 from a customer with an open
 * survey on WhatsApp and no open conversation there is the survey's answer ({@link TypedAnswer}), not work. A contact that requires skills but came without targeting steps (from a
 * routing engine that sends none) gets one step: the skills are dropped after {@code relaxSkillsAfter}, so it never
 * waits indefinitely for a skill nobody on duty has.
 *
 * @param items    new work items, with the lifecycle step each one starts with
 * @param messages every new message, the opening ones and the follow-ups
 * @param answers  the survey answers among the contacts
 * @param outcomes what became of each contact of the batch, in batch order
 */
public record IntakePlan(List<NewItem> items, List<NewMessage> messages, List<SurveyAnswer> answers,
        List<Outcome> outcomes) {

    /** What became of a routed contact. */
    public enum Outcome { QUEUED, JOINED, DUPLICATE, ABANDONED, ANSWERED }

    /** A customer's conversation on one channel. */
    public record ConversationKey(String customerKey, Channel channel) {
    }

    /** An abandon that arrived before its contact. */
    public record EarlyAbandon(Instant occurredAt, Map<String, String> details) {
    }

    /**
     * A customer's latest unanswered WhatsApp survey within the answer window, or the one a contact of the batch
     * answered before (the contact is redelivered).
     */
    public record OpenSurvey(UUID surveyId, String answeredBy) {
    }

    /** What the database holds for the contacts of a batch; {@code surveys} by customer key. */
    public record Found(Set<String> recorded, Map<ConversationKey, UUID> openItems,
            Map<String, EarlyAbandon> abandoned, Map<String, OpenSurvey> surveys) {
    }

    /** Contact {@code contactId} answered survey {@code surveyId}. */
    public record SurveyAnswer(UUID surveyId, String contactId, TypedAnswer answer, Instant answeredAt) {
    }

    /** Rows for the database's jsonb_to_recordset, whose column names are in snake case. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewItem(UUID id, String contactId, Channel channel, String customerKey, String customerName,
            String customerPhone, String customerEmail, String customerHandle, String language, Rst rst,
            Intent intent, Office office, int priority, List<String> requiredSkills, int slaSeconds,
            List<String> explanation, String postalCode, WorkState state, Instant queuedAt, String eventType,
            Instant eventAt, Map<String, String> eventDetails, List<TargetingStep> targeting, Instant dueAt,
            Instant nextStepAt, List<String> nextSkills, Instant sweepAt, String modelVersion) {
    }

    /** With what a reply to it needs: the provider's message id, whether it was public, the adapter's metadata. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewMessage(String contactId, UUID workItemId, String provider, String text, Instant receivedAt,
            List<Attachment> attachments, String providerMessageId, boolean publicPost, Map<String, String> metadata) {
    }

    public static IntakePlan of(List<ContactRouted> batch, Found found, Instant now, Duration relaxSkillsAfter) {
        List<NewItem> items = new ArrayList<>();
        List<NewMessage> messages = new ArrayList<>();
        List<SurveyAnswer> answers = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        Set<String> seen = new HashSet<>(found.recorded());
        Map<ConversationKey, UUID> open = new HashMap<>(found.openItems());
        for (ContactRouted routed : batch) {
            ContactReceived contact = routed.contact();
            if (!seen.add(contact.contactId())) {
                outcomes.add(Outcome.DUPLICATE);
                continue;
            }
            ConversationKey conversation = new ConversationKey(contact.customer().key(), contact.channel());
            OpenSurvey survey = contact.channel() == Channel.WHATSAPP ? found.surveys().get(conversation.customerKey())
                    : null;
            if (survey != null && contact.contactId().equals(survey.answeredBy())) {
                outcomes.add(Outcome.DUPLICATE);
                continue;
            }
            TypedAnswer typed = survey != null && survey.answeredBy() == null && !open.containsKey(conversation)
                    ? TypedAnswer.of(contact.text()) : null;
            if (typed != null && answers.stream().noneMatch(answer -> answer.surveyId().equals(survey.surveyId()))) {
                answers.add(new SurveyAnswer(survey.surveyId(), contact.contactId(), typed,
                        contact.receivedAt() != null ? contact.receivedAt() : now));
                outcomes.add(Outcome.ANSWERED);
                continue;
            }
            EarlyAbandon abandon = found.abandoned().get(contact.contactId());
            UUID itemId = abandon == null ? open.get(conversation) : null;
            if (itemId != null) {
                outcomes.add(Outcome.JOINED);
            } else {
                // A microsecond apart (PostgreSQL's resolution), so the queue keeps the batch's order among equals.
                NewItem item = newItem(routed, now.plusNanos(1_000L * items.size()), abandon, relaxSkillsAfter);
                items.add(item);
                itemId = item.id();
                if (abandon == null) {
                    open.put(conversation, itemId);
                }
                outcomes.add(abandon == null ? Outcome.QUEUED : Outcome.ABANDONED);
            }
            messages.add(new NewMessage(contact.contactId(), itemId, contact.provider(), contact.text(),
                    contact.receivedAt() != null ? contact.receivedAt() : now, contact.attachments(),
                    contact.providerMessageId(), contact.publicPost(), contact.metadata()));
        }
        return new IntakePlan(items, messages, answers, outcomes);
    }

    private static NewItem newItem(ContactRouted routed, Instant queuedAt, EarlyAbandon abandon,
            Duration relaxSkillsAfter) {
        ContactReceived contact = routed.contact();
        WorkState state = abandon == null ? WorkState.QUEUED : WorkState.ABANDONED;
        List<TargetingStep> targeting = targeting(routed, relaxSkillsAfter);
        // The first step is the routed office and skills; the pull honours the second from its start on. The sweep
        // is needed at the second's start only when it changes office, else at the third's.
        TargetingStep next = targeting.size() > 1 ? targeting.get(1) : null;
        boolean sameOffice = next != null && next.office() == routed.office();
        TargetingStep swept = sameOffice ? (targeting.size() > 2 ? targeting.get(2) : null) : next;
        return new NewItem(UUID.randomUUID(), contact.contactId(), contact.channel(), contact.customer().key(),
                contact.customer().name(), contact.customer().phone(), contact.customer().email(),
                contact.customer().handle(), primaryLanguage(contact.language()), routed.rst(), routed.intent(),
                routed.office(), routed.priority(), routed.requiredSkills(), routed.slaSeconds(), routed.explanation(),
                PostalCodes.normalise(contact.metadata().get("postalCode")), state, queuedAt, state.name(),
                abandon == null ? queuedAt : abandon.occurredAt(), abandon == null ? Map.of() : abandon.details(),
                targeting, queuedAt.plusSeconds(routed.slaSeconds()),
                next == null ? null : queuedAt.plusSeconds(next.afterSeconds()),
                sameOffice ? next.requiredSkills() : null,
                swept == null ? null : queuedAt.plusSeconds(swept.afterSeconds()), routed.modelVersion());
    }

    private static List<TargetingStep> targeting(ContactRouted routed, Duration relaxSkillsAfter) {
        if (!routed.targeting().isEmpty() || routed.requiredSkills().isEmpty() || relaxSkillsAfter.isZero()) {
            return routed.targeting();
        }
        return List.of(new TargetingStep(0, routed.requiredSkills(), routed.office()),
                new TargetingStep((int) relaxSkillsAfter.toSeconds(), List.of(), routed.office()));
    }

    /** "nl-NL" and "NL" both mean Dutch to an agent who speaks "nl". */
    static String primaryLanguage(String language) {
        return language == null || language.isBlank() ? null
                : language.split("[-_]")[0].toLowerCase(Locale.ROOT);
    }
}
