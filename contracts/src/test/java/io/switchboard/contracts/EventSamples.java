package io.switchboard.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Realistic events of every kind, as the services produce them: together they fill every field of every record
 * at least once, so a schema is checked against each field's actual JSON form.
 */
final class EventSamples {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private EventSamples() {
    }

    static ContactReceived whatsAppText() {
        return ContactReceived.of(Channel.WHATSAPP, "meta-whatsapp", "wamid.HBgLMzE2MTIzNDU2NzgVAgASGBQzQUE", T0,
                new Customer("phone:+31612345678", "+31612345678", null, null, "Jan de Vries"),
                "Mijn internet doet het al twee dagen niet", "nl", false, List.of(),
                Map.of("messageType", "text", "phoneNumberId", "106540352242922"));
    }

    static ContactReceived whatsAppPhotoWithCaption() {
        return ContactReceived.of(Channel.WHATSAPP, "meta-whatsapp", "wamid.HBgLMzE2MTIzNDU2NzgVAgASGBQ5QkI", T0.plusSeconds(30),
                new Customer("phone:+31612345678", "+31612345678", null, null, null),
                "Zo ziet de modem eruit", null, false,
                List.of(new Attachment("image", "1029384756", "image/jpeg", null, "Zo ziet de modem eruit")),
                Map.of("messageType", "image", "inReplyTo", "wamid.HBgLMzE2MTIzNDU2NzgVAgASGBQzQUE"));
    }

    /** A caller who said nothing: no text, the language of the voice prompt. */
    static ContactReceived silentCall() {
        return ContactReceived.of(Channel.PHONE, "twilio", "CA5f1e0b8c2d4a6e8f0a1b2c3d4e5f6a7b", T0.plusNanos(123_456_789),
                new Customer("phone:+31201234567", "+31201234567", null, null, null), null, "nl-NL", false, List.of(),
                Map.of("to", "+31858880000", "speech", "none"));
    }

    static ContactReceived publicComplaintOnX() {
        return ContactReceived.of(Channel.SOCIAL, "x", "1861234567890123456", T0.plusSeconds(60),
                new Customer("handle:x:jandevries", null, null, "jandevries", "Jan"),
                "@telco weer storing in Utrecht, niemand neemt op #fail", "nl", true,
                List.of(new Attachment("photo", null, "image/png", "https://pbs.twimg.com/media/GabcdEFG.png", null)),
                Map.of("tweetType", "mention"));
    }

    static ContactReceived webshopOrderQuestion() {
        return ContactReceived.of(Channel.WEBSHOP, "shopify", "shopify:b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", T0,
                new Customer("email:anna@example.com", null, "anna@example.com", null, "Anna Jansen"),
                "Waar blijft mijn bestelling #1042?", "nl", false, List.of(), Map.of("shopifyTopic", "orders/updated"));
    }

    static ContactReceived storeVisit() {
        return ContactReceived.of(Channel.STORE, "qminder", "ticket-88213", T0, new Customer("phone:+31687654321",
                "+31687654321", "piet@example.com", null, "Piet"), "Nieuwe simkaart ophalen", "nl", false, List.of(),
                Map.of("location", "utrecht-centrum", "line", "sim-cards"));
    }

    static ContactRouted routedFaultReport() {
        return new ContactRouted(ContactRouted.SCHEMA_VERSION, whatsAppText(), Rst.TECHNICAL, Intent.FAULT_REPORT,
                Office.TECHNICIANS, 70, List.of("internet", "lang:nl"), 3600, 0.9,
                List.of("phrase 'doet het niet' -> FAULT_REPORT (score 0.9)", "FAULT_REPORT -> TECHNICAL -> TECHNICIANS"),
                T0.plusMillis(120), List.of(
                        new ContactRouted.TargetingStep(0, List.of("internet", "lang:nl"), Office.TECHNICIANS),
                        new ContactRouted.TargetingStep(60, List.of(), Office.TECHNICIANS),
                        new ContactRouted.TargetingStep(600, List.of(), Office.FRONT_OFFICE)),
                "m-3f9a0c51d2e7");
    }

    static ContactRouted routedPublicComplaint() {
        return new ContactRouted(ContactRouted.SCHEMA_VERSION, publicComplaintOnX(), Rst.ROUTINE, Intent.COMPLAINT,
                Office.FRONT_OFFICE, 85, List.of(), 900, 0.62, List.of("public post: priority +20"), T0.plusSeconds(61));
    }

    static List<LifecycleEvent> lifecycleOfOneContact() {
        String contactId = whatsAppText().contactId();
        Instant queuedAt = T0.plusMillis(200);
        return List.of(
                step("1", LifecycleEventType.QUEUED, contactId, null, queuedAt, queuedAt, Map.of()),
                step("2", LifecycleEventType.MESSAGE_JOINED, contactId, null, queuedAt, T0.plusSeconds(30),
                        Map.of("providerMessageId", "wamid.HBgLMzE2MTIzNDU2NzgVAgASGBQ5QkI")),
                step("3", LifecycleEventType.ASSIGNED, contactId, "agent-17", queuedAt, T0.plusSeconds(40), Map.of()),
                step("4", LifecycleEventType.REQUEUED, contactId, "agent-17", queuedAt, T0.plusSeconds(70),
                        Map.of("reason", "reservation not accepted in 30 s")),
                step("5", LifecycleEventType.ASSIGNED, contactId, "agent-23", queuedAt, T0.plusSeconds(75), Map.of()),
                step("6", LifecycleEventType.ACCEPTED, contactId, "agent-23", queuedAt, T0.plusSeconds(80), Map.of()),
                step("7", LifecycleEventType.RELEASED, contactId, "agent-23", queuedAt, T0.plusSeconds(90),
                        Map.of("reason", "wrong skills")),
                step("8", LifecycleEventType.ESCALATED, contactId, "agent-31", queuedAt, T0.plusSeconds(300),
                        Map.of("fromOffice", "TECHNICIANS", "toOffice", "BACK_OFFICE", "reason", "warranty dispute")),
                step("9", LifecycleEventType.COMPLETED, contactId, "agent-40", queuedAt, T0.plusSeconds(900),
                        Map.of("resolution", "Modem replaced under warranty", "firstContactResolution", "false",
                                "notes", "Visit booked for Tuesday")));
    }

    private static LifecycleEvent step(String n, LifecycleEventType type, String contactId, String agentId,
            Instant queuedAt, Instant occurredAt, Map<String, String> details) {
        return new LifecycleEvent(LifecycleEvent.SCHEMA_VERSION, contactId + "#" + n, type, contactId,
                Channel.WHATSAPP, Office.TECHNICIANS, Intent.FAULT_REPORT, agentId, queuedAt, occurredAt, details);
    }

    /** What the phone adapter knows when a caller hangs up in the queue: no office, intent, agent or queue time. */
    static LifecycleEvent callerHungUp() {
        String contactId = silentCall().contactId();
        return new LifecycleEvent(LifecycleEvent.SCHEMA_VERSION, ContactIds.of(Channel.PHONE,
                "CA5f1e0b8c2d4a6e8f0a1b2c3d4e5f6a7b#ABANDONED"), LifecycleEventType.ABANDONED, contactId, Channel.PHONE,
                null, null, null, null, T0.plusSeconds(47),
                Map.of("reason", "caller hung up while waiting", "queueTimeSeconds", "47"));
    }

    static ChannelMetrics routingCounters() {
        return new ChannelMetrics(ChannelMetrics.SCHEMA_VERSION, Channel.WHATSAPP, "routing-engine/host-1", T0,
                T0.plusSeconds(10), Map.of("received", 12L, "routed.FRONT_OFFICE", 9L, "routed.TECHNICIANS", 3L));
    }

    static ChannelMetrics quietWindow() {
        return new ChannelMetrics(ChannelMetrics.SCHEMA_VERSION, Channel.STORE, "work-service/host-2", T0,
                T0.plusSeconds(10), Map.of());
    }

    static Alert complaintSurge() {
        return new Alert(Alert.SCHEMA_VERSION, "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", Alert.Kind.COMPLAINT_SURGE,
                Alert.State.RAISED, "storing utrecht", null, "42 complaints about 'storing utrecht' in 15 minutes",
                42, 20, T0, null);
    }

    static Alert serviceLevelRecovered() {
        return new Alert(Alert.SCHEMA_VERSION, "2f1e0d9c-8b7a-4f6e-9d5c-4b3a2f1e0d9c", Alert.Kind.SERVICE_LEVEL_BREACH,
                Alert.State.CLEARED, "PHONE", Channel.PHONE, "phone service level back to 0.83 (target 0.80 in 20 s)",
                0.83, 0.80, T0, T0.plusSeconds(1800));
    }

    static Alert oldestWaitTooLong() {
        return new Alert(Alert.SCHEMA_VERSION, "6c5b4a39-2817-4f6e-8d5c-4b3a2f1e0d9c", Alert.Kind.QUEUE_AGE,
                Alert.State.RAISED, "WHATSAPP", Channel.WHATSAPP, "oldest WhatsApp contact waits 612 s (limit 300 s)",
                612, 300, T0, null);
    }

    static Alert repliesFailing() {
        return new Alert(Alert.SCHEMA_VERSION, "4d3c2b1a-0f9e-4d8c-b7a6-958473625140", Alert.Kind.REPLY_DELIVERY_FAILING,
                Alert.State.RAISED, "WHATSAPP", Channel.WHATSAPP,
                "6 of 10 WHATSAPP replies failed over the last 15m (limit 20 %)", 0.6, 0.2, T0, null);
    }

    static DeadLetter unknownOffice() {
        return new DeadLetter(DeadLetter.SCHEMA_VERSION, "work-service", Topics.CONTACTS_ROUTED, 4, 1187L,
                "phone:+31612345678", "{\"schemaVersion\":1,\"office\":\"CANTEEN\"}",
                "InvalidFormatException: Cannot deserialize value of type Office from String \"CANTEEN\"",
                T0.plusSeconds(1200));
    }

    static DeadLetter keylessTombstone() {
        return new DeadLetter(DeadLetter.SCHEMA_VERSION, "ops-service", Topics.CHANNEL_METRICS, 0, 0L, null, null,
                "NullPointerException: record value is null", T0);
    }

    /** A Qminder event type the store adapter does not know, kept raw on contacts.unmapped. */
    static UnmappedDelivery unknownTicketEvent() {
        return new UnmappedDelivery(UnmappedDelivery.SCHEMA_VERSION, "5b0e7a3c-2f1d-3c4b-9a8e-7d6c5b4a3f2e", Channel.STORE,
                "store-queue", "/webhooks/store/visits", T0, "unknown-event",
                "unsupported event type 'ticket_transferred'", Map.of(),
                "{\"type\":\"ticket_transferred\",\"data\":{\"id\":32165,\"line\":82364}}", null);
    }

    /** A Shopify delivery whose body is not even UTF-8, kept as base64 with the topic header its mapping reads. */
    static UnmappedDelivery binaryShopifyBody() {
        return new UnmappedDelivery(UnmappedDelivery.SCHEMA_VERSION, "0f1e2d3c-4b5a-3968-8776-655443322110", Channel.WEBSHOP,
                "shopify", "/webhooks/shopify", T0, "not-json", "the body is not JSON: Invalid UTF-8 start byte 0xff",
                Map.of("X-Shopify-Topic", "orders/create"), "/+7+", UnmappedDelivery.BASE64);
    }

    /** An agent's answer to {@link #whatsAppText()}, inside the customer-service window. */
    static OutboundMessage whatsAppReply() {
        ContactReceived contact = whatsAppText();
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, "7d0c6f1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f",
                OutboundKind.REPLY, contact.contactId(), Channel.WHATSAPP, contact.customer(),
                "We resetten uw modem nu op afstand; over vijf minuten zou het weer moeten werken.", List.of(), null, null,
                false, "3f2c9a7e-client-retry-1", "agent-17", null, replyContextOf(contact), T0.plusSeconds(420));
    }

    /** Outside WhatsApp's 24-hour window only an approved template may go out. */
    static OutboundMessage whatsAppTemplateReply() {
        ContactReceived contact = whatsAppText();
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, "0b9e8d7c-6f5a-4b3c-9d2e-1f0a9b8c7d6e",
                OutboundKind.REPLY, contact.contactId(), Channel.WHATSAPP, contact.customer(), null, List.of(),
                "storing_opgelost", "nl", false, null, "agent-17", null, replyContextOf(contact), T0.plusSeconds(90_000));
    }

    /** A public complaint on X answered in private, with a photo of the planned works. */
    static OutboundMessage privateAnswerOnX() {
        ContactReceived contact = publicComplaintOnX();
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, "5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170",
                OutboundKind.REPLY, contact.contactId(), Channel.SOCIAL, contact.customer(),
                "Sorry Jan, we sturen je een DM met de details.",
                List.of(new Attachment("photo", null, "image/png", "https://cdn.example.com/werkzaamheden-utrecht.png",
                        "Werkzaamheden Utrecht")),
                null, null, true, "x-dm-1", "agent-23", null, replyContextOf(contact), T0.plusSeconds(600));
    }

    /** The waiting caller put through to the agent who accepted the phone item. */
    static OutboundMessage connectCaller() {
        ContactReceived call = silentCall();
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, "c0ffee00-1234-4abc-9def-0123456789ab",
                OutboundKind.CONNECT, call.contactId(), Channel.PHONE, call.customer(), null, List.of(), null, null,
                false, null, "agent-5", "client:anna", replyContextOf(call), T0.plusSeconds(25));
    }

    /** After {@link #whatsAppText()} was completed, the work-service asks the customer for a score, in Dutch. */
    static OutboundMessage whatsAppSurvey() {
        ContactReceived contact = whatsAppText();
        SurveyQuestion survey = new SurveyQuestion("e3b0c442-98fc-4c14-9afb-f4c8996fb924",
                "Hoe waarschijnlijk is het dat u ons aanbeveelt aan vrienden of collega's? Antwoord met een cijfer van"
                        + " 0 (zeer onwaarschijnlijk) tot 10 (zeer waarschijnlijk).",
                "Wat is de belangrijkste reden voor uw cijfer?", "Bedankt voor uw antwoord!", "nl");
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, survey.surveyId(), OutboundKind.SURVEY,
                contact.contactId(), Channel.WHATSAPP, contact.customer(), survey.question(), List.of(), null, null,
                false, null, "switchboard", null, replyContextOf(contact), T0.plusSeconds(960), survey);
    }

    /** A caller put through to the agent and due a survey: asked when the agent hangs up, in English. */
    static OutboundMessage connectCallerWithSurvey() {
        ContactReceived call = silentCall();
        return new OutboundMessage(OutboundMessage.SCHEMA_VERSION, "c0ffee00-5678-4abc-9def-0123456789ab",
                OutboundKind.CONNECT, call.contactId(), Channel.PHONE, call.customer(), null, List.of(), null, null,
                false, null, "agent-5", "client:anna", replyContextOf(call), T0.plusSeconds(25),
                new SurveyQuestion("5f0c2a9e-7b41-4d8a-a3c6-2e9d18b7f405",
                        "How likely are you to recommend us to a friend? Press or say a number from 0, not at all, to"
                                + " 10, certainly.",
                        "What is the main reason for your score?", "Thank you, goodbye.", "en"));
    }

    private static ReplyContext replyContextOf(ContactReceived contact) {
        return new ReplyContext(contact.provider(), contact.providerMessageId(), contact.publicPost(),
                contact.receivedAt(), contact.metadata());
    }

    /** The adapter's outcome of {@link #whatsAppReply()}: WhatsApp accepted it. */
    static ReplyStatus replySent() {
        return new ReplyStatus(ReplyStatus.SCHEMA_VERSION, "a1b2c3d4-0000-4000-8000-000000000001",
                whatsAppReply().replyId(), Channel.WHATSAPP, "meta-whatsapp", "wamid.HBgLMzE2MTIzNDU2NzgVAgARGBI0QkM",
                DeliveryState.SENT, null, T0.plusSeconds(421));
    }

    /** WhatsApp's status webhook: it knows only its own message id. */
    static ReplyStatus replyReadOnWhatsApp() {
        return new ReplyStatus(ReplyStatus.SCHEMA_VERSION, "a1b2c3d4-0000-4000-8000-000000000002", null,
                Channel.WHATSAPP, "meta-whatsapp", "wamid.HBgLMzE2MTIzNDU2NzgVAgARGBI0QkM", DeliveryState.READ, null,
                T0.plusSeconds(480));
    }

    /** The provider refused it: a 4xx is not retried. */
    static ReplyStatus replyRefused() {
        return new ReplyStatus(ReplyStatus.SCHEMA_VERSION, "a1b2c3d4-0000-4000-8000-000000000003",
                whatsAppTemplateReply().replyId(), Channel.WHATSAPP, "meta-whatsapp", null, DeliveryState.FAILED,
                "400 131047 Re-engagement message: more than 24 hours have passed since the customer last replied",
                T0.plusSeconds(90_001));
    }

    /** The adapter stopped while sending: whether it left is not known, and it is not sent again. */
    static ReplyStatus replyUnconfirmed() {
        return new ReplyStatus(ReplyStatus.SCHEMA_VERSION, "a1b2c3d4-0000-4000-8000-000000000004",
                privateAnswerOnX().replyId(), Channel.SOCIAL, "x", null, DeliveryState.UNCONFIRMED,
                "the adapter stopped while sending; not sent again", T0.plusSeconds(630));
    }

    /** The work-service's steps of {@link #whatsAppReply()}: requested, sent, read. */
    static List<LifecycleEvent> lifecycleOfOneReply() {
        String contactId = whatsAppText().contactId();
        String replyId = whatsAppReply().replyId();
        String wamid = replySent().providerMessageId();
        Instant queuedAt = T0.plusMillis(200);
        return List.of(
                step("r1", LifecycleEventType.REPLY_REQUESTED, contactId, "agent-17", queuedAt, T0.plusSeconds(420),
                        Map.of("replyId", replyId, "kind", "REPLY")),
                step("r2", LifecycleEventType.REPLY_SENT, contactId, "agent-17", queuedAt, T0.plusSeconds(421),
                        Map.of("replyId", replyId, "providerMessageId", wamid)),
                step("r3", LifecycleEventType.REPLY_READ, contactId, "agent-17", queuedAt, T0.plusSeconds(480),
                        Map.of("replyId", replyId, "providerMessageId", wamid)),
                step("r4", LifecycleEventType.REPLY_FAILED, contactId, "agent-17", queuedAt, T0.plusSeconds(90_001),
                        Map.of("replyId", whatsAppTemplateReply().replyId(), "error", replyRefused().error())));
    }

    /** A Messenger quick reply of {@code SURVEY:<surveyId>:9}: a promoter, no comment. */
    static SurveyResponse quickReplyOnMessenger() {
        return new SurveyResponse(SurveyResponse.SCHEMA_VERSION, "messenger:m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM",
                "0a7d3e51-6c2b-4f9e-8d14-b3c5a6e7f809", Channel.SOCIAL, 9, null, "messenger",
                "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM", T0.plusSeconds(1_200));
    }

    /** A detractor's score with a comment, posted on the webshop adapter's signed survey page. */
    static SurveyResponse linkAnswerWithComment() {
        return new SurveyResponse(SurveyResponse.SCHEMA_VERSION, "link:0c4e2f71-9a3b-4d5c-b6e8-f1a2b3c4d5e6",
                "0c4e2f71-9a3b-4d5c-b6e8-f1a2b3c4d5e6", Channel.WEBSHOP, 3,
                "De bezorger is twee keer niet gekomen en niemand belde terug", "link", null, T0.plusSeconds(7_200));
    }

    /** The comment a caller spoke after keying the score: it completes the answer, no score of its own. */
    static SurveyResponse commentAfterTheCall() {
        return new SurveyResponse(SurveyResponse.SCHEMA_VERSION, "twilio:CA9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a:comment",
                connectCallerWithSurvey().survey().surveyId(), Channel.PHONE, null, "the agent was very patient",
                "twilio", "CA9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a", T0.plusSeconds(660));
    }

    /** A Shopify orders/create of the customer of {@link #webshopOrderQuestion()}: one line with a SKU, one without. */
    static OrderPlaced shopifyOrder() {
        return new OrderPlaced(OrderPlaced.SCHEMA_VERSION, "shopify:b54557e4-bdd9-4b37-8a5f-bf7d70bcd044", "shopify",
                "820982911946154508", webshopOrderQuestion().customer(), List.of(
                        new OrderPlaced.Line("Wifi-versterker Mesh Pro", "WIFI-MESH-PRO", 2, new BigDecimal("179.90")),
                        new OrderPlaced.Line("Installatie aan huis", null, 1, new BigDecimal("49.95"))),
                new BigDecimal("219.85"), "EUR", T0.plusSeconds(86_400));
    }

    /**
     * The next-best offer of {@link #whatsAppText()}'s item shown and taken (the agent recorded it), then the survey
     * of {@link #whatsAppSurvey()} answered by a detractor whose comment opened a follow-up.
     */
    static List<LifecycleEvent> feedbackAndRevenueOfOneContact() {
        String contactId = whatsAppText().contactId();
        String surveyId = whatsAppSurvey().survey().surveyId();
        Instant queuedAt = T0.plusMillis(200);
        return List.of(
                step("o1", LifecycleEventType.OFFER_SHOWN, contactId, "agent-40", queuedAt, T0.plusSeconds(600),
                        Map.of("product", "Wifi-versterker Mesh Pro")),
                step("o2", LifecycleEventType.OFFER_ACCEPTED, contactId, "agent-40", queuedAt, T0.plusSeconds(840),
                        Map.of("product", "Wifi-versterker Mesh Pro", "value", "89.95", "currency", "EUR",
                                "source", "agent")),
                step("s1", LifecycleEventType.SURVEY_SENT, contactId, "agent-40", queuedAt, T0.plusSeconds(960),
                        Map.of("surveyId", surveyId)),
                step("s2", LifecycleEventType.SURVEY_ANSWERED, contactId, "agent-40", queuedAt, T0.plusSeconds(1_500),
                        Map.of("surveyId", surveyId, "score", "3", "complaint", "true",
                                "followUp", "9b2f6d1e-4c8a-3e7b-a5d9-1f0e2c3b4a59")));
    }

    /** The offer made on the webshop question taken with {@link #shopifyOrder()}: its line's value is the revenue. */
    static LifecycleEvent offerTakenByOrder() {
        ContactReceived contact = webshopOrderQuestion();
        return new LifecycleEvent(LifecycleEvent.SCHEMA_VERSION, contact.contactId() + "#offer-accepted",
                LifecycleEventType.OFFER_ACCEPTED, contact.contactId(), Channel.WEBSHOP, Office.FRONT_OFFICE,
                Intent.ORDER, "agent-12", T0.plusMillis(300), shopifyOrder().placedAt(),
                Map.of("product", "Wifi-versterker Mesh Pro", "value", "179.90", "currency", "EUR", "source", "order"));
    }

    /** An agent in the technicians' office finds that the WhatsApp fault report was a question about a bill. */
    static ClassificationCorrection agentCorrection() {
        ContactRouted routed = routedFaultReport();
        ContactReceived contact = routed.contact();
        return new ClassificationCorrection(ClassificationCorrection.SCHEMA_VERSION, contact.contactId(),
                contact.channel(), contact.language(), contact.publicPost(), contact.text(), routed.rst(),
                routed.intent(), Rst.SPECIALIST, Intent.COMPLEX_INQUIRY, ClassificationCorrection.Source.AGENT,
                "asks why the outage is on the invoice", "agent-23", routed.modelVersion(), T0.plusSeconds(95));
    }

    /** A silent call escalated from the front office to the technicians: no text, language or reason. */
    static ClassificationCorrection escalationOfASilentCall() {
        ContactReceived call = silentCall();
        return new ClassificationCorrection(ClassificationCorrection.SCHEMA_VERSION, call.contactId(), call.channel(),
                null, false, null, Rst.ROUTINE, Intent.INFORMATION, Rst.TECHNICAL, Intent.INFORMATION,
                ClassificationCorrection.Source.ESCALATION, null, "agent-5", null, T0.plusSeconds(240));
    }

    static List<OutboundMessage> outbound() {
        return List.of(whatsAppReply(), whatsAppTemplateReply(), privateAnswerOnX(), connectCaller(), whatsAppSurvey(),
                connectCallerWithSurvey());
    }

    static List<ContactReceived> contacts() {
        return List.of(whatsAppText(), whatsAppPhotoWithCaption(), silentCall(), publicComplaintOnX(),
                webshopOrderQuestion(), storeVisit());
    }

    static List<OrderPlaced> orders() {
        return List.of(shopifyOrder());
    }

    /**
     * Every sample event; nested records (customers, attachments, reply contexts, survey questions, order lines)
     * are in the contacts, outbound messages and orders.
     */
    static List<Object> all() {
        List<Object> all = new ArrayList<>(contacts());
        all.addAll(List.of(routedFaultReport(), routedPublicComplaint()));
        all.addAll(lifecycleOfOneContact());
        all.addAll(lifecycleOfOneReply());
        all.addAll(outbound());
        all.addAll(List.of(replySent(), replyReadOnWhatsApp(), replyRefused(), replyUnconfirmed()));
        all.addAll(List.of(agentCorrection(), escalationOfASilentCall()));
        all.addAll(feedbackAndRevenueOfOneContact());
        all.addAll(List.of(offerTakenByOrder(), quickReplyOnMessenger(), linkAnswerWithComment(), commentAfterTheCall()));
        all.addAll(orders());
        Stream.of(callerHungUp(), routingCounters(), quietWindow(), complaintSurge(), serviceLevelRecovered(),
                oldestWaitTooLong(), repliesFailing(), unknownOffice(), keylessTombstone(), unknownTicketEvent(),
                binaryShopifyBody())
                .forEach(all::add);
        return all;
    }
}
