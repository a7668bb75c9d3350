package io.switchboard.bench;

import io.switchboard.contracts.Channel;
import io.switchboard.runtime.gateway.Gateways;
import io.switchboard.runtime.gateway.SignedWebhook;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A reproducible stream of realistic, signed webhooks of all five channels: a fixed seed picks channel, customer
 * and question, so two runs send the same traffic. The mix leans on phone and WhatsApp, as contact centres see.
 */
final class TrafficMix implements Supplier<SignedWebhook> {

    private static final List<Channel> MIX = List.of(Channel.PHONE, Channel.PHONE, Channel.PHONE, Channel.WHATSAPP,
            Channel.WHATSAPP, Channel.WHATSAPP, Channel.SOCIAL, Channel.WEBSHOP, Channel.WEBSHOP, Channel.STORE);

    private static final List<String> QUESTIONS = List.of(
            "Hoe laat zijn jullie morgen open?",
            "Mijn internet doet het al twee dagen niet, kunnen jullie een monteur sturen?",
            "Ik wil een klacht indienen over de bezorging van mijn bestelling",
            "Can you send me a brochure about your fibre plans?",
            "I would like to order a second set-top box",
            "Where is my order 10023? It was due yesterday",
            "Kan ik een afspraak maken in de winkel voor zaterdag?",
            "The router keeps rebooting, the power light is blinking red",
            "Ik wil me afmelden voor de nieuwsbrief",
            "Please put me through to the billing department",
            "We hebben een zakelijk contract met 40 aansluitingen en willen de voorwaarden herzien",
            "Is there a cheaper bundle if I add mobile to my subscription?");

    private final Random random;
    private final Gateways gateways;
    private final String runId;
    private long sequence;

    TrafficMix(long seed, String runId, Gateways gateways) {
        this.random = new Random(seed);
        this.gateways = gateways;
        this.runId = runId;
    }

    @Override
    public synchronized SignedWebhook get() {
        Channel channel = MIX.get(random.nextInt(MIX.size()));
        String phone = "316" + (10_000_000 + random.nextInt(90_000_000));
        String question = QUESTIONS.get(random.nextInt(QUESTIONS.size()));
        return gateways.contact(channel, "bench-" + runId + "-" + sequence++, phone, "Customer " + phone, question);
    }
}
