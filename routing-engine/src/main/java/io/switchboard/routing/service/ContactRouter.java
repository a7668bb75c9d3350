package io.switchboard.routing.service;

import io.switchboard.contracts.ContactReceived;
import io.switchboard.contracts.ContactRouted;
import io.switchboard.routing.classification.Classification;
import io.switchboard.routing.policy.OfficeDecision;
import io.switchboard.routing.policy.RepeatContacts;
import io.switchboard.routing.policy.RoutingDecision;
import io.switchboard.routing.policy.RoutingRulesStore;
import io.switchboard.routing.policy.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Classifies a contact and decides its office under the rule set active at that moment. */
@ApplicationScoped
public class ContactRouter {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final ModelStore models;
    private final RoutingRulesStore rules;
    private final RepeatContacts repeatContacts;
    private final RoutingMetrics metrics;

    public ContactRouter(ModelStore models, RoutingRulesStore rules, RepeatContacts repeatContacts,
            RoutingMetrics metrics) {
        this.models = models;
        this.rules = rules;
        this.repeatContacts = repeatContacts;
        this.metrics = metrics;
    }

    /**
     * Routes a contact from {@code contacts.inbound}: remembers it for repeat detection and counts it, with the
     * CPU time its classification took (the engine's main cost per contact).
     */
    public ContactRouted route(ContactReceived contact) {
        long start = System.nanoTime();
        RuleSet ruleSet = rules.current();
        Instant at = contact.receivedAt() == null ? Instant.now() : contact.receivedAt();
        int earlier = repeatContacts.record(contact.customer().key(), contact.contactId(), at, window(ruleSet));
        long cpuStart = CPU.getCurrentThreadCpuTime();
        Classification classification = models.current().classifier().classify(contact, ruleSet);
        Duration classificationCpu = Duration.ofNanos(CPU.getCurrentThreadCpuTime() - cpuStart);
        ContactRouted routed = decide(contact, classification, ruleSet, earlier);
        metrics.routed(routed, Duration.ofNanos(System.nanoTime() - start), classificationCpu);
        return routed;
    }

    /** The decision {@link #route} would take now, without remembering or counting anything. */
    public ContactRouted dryRun(ContactReceived contact) {
        RuleSet ruleSet = rules.current();
        int earlier = contact.customer() == null ? 0
                : repeatContacts.earlier(contact.customer().key(), contact.contactId(), Instant.now(), window(ruleSet));
        return decide(contact, models.current().classifier().classify(contact, ruleSet), ruleSet, earlier);
    }

    private ContactRouted decide(ContactReceived contact, Classification classification, RuleSet ruleSet,
            int earlierContacts) {
        RoutingDecision decision = OfficeDecision.decide(contact, classification, ruleSet, earlierContacts);
        List<String> explanation = new ArrayList<>(classification.explanation());
        explanation.addAll(decision.explanation());
        explanation.add("Rule set '" + ruleSet.rules().name() + "' version " + ruleSet.version() + ".");
        return new ContactRouted(ContactRouted.SCHEMA_VERSION, withLanguage(contact, classification.language()),
                classification.rst(), classification.intent(), decision.office(), decision.priority(),
                decision.requiredSkills(), decision.slaSeconds(), round(classification.confidence()), explanation,
                Instant.now(), decision.targeting(), classification.modelVersion());
    }

    /** Work is matched to agents by language, so a contact the channel sent without one gets the recognised one. */
    private static ContactReceived withLanguage(ContactReceived contact, String language) {
        if (contact.language() != null) {
            return contact;
        }
        return new ContactReceived(contact.schemaVersion(), contact.contactId(), contact.channel(), contact.provider(),
                contact.providerMessageId(), contact.receivedAt(), contact.customer(), contact.text(), language,
                contact.publicPost(), contact.attachments(), contact.metadata());
    }

    private static Duration window(RuleSet ruleSet) {
        return Duration.ofHours(ruleSet.rules().priority().repeatWindowHours());
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }
}
