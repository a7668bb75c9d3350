package io.switchboard.adapter.store.outbound;

import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.adapter.store.service.StoreVisits;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;

/**
 * Brings a store visitor to the agent's desk by calling their ticket in the queue system. A store visitor is
 * answered in person, so a written reply calls the ticket too (this module's README): the agent says it at the
 * desk. Surveys are mailed ({@link SurveyMailer}).
 */
@ApplicationScoped
public class TicketCaller implements OutboundSender {

    private final QminderTickets qminder;
    private final Optional<String> apiKey;

    public TicketCaller(@RestClient QminderTickets qminder,
            @ConfigProperty(name = "switchboard.qminder.api-key") Optional<String> apiKey) {
        this.qminder = qminder;
        this.apiKey = apiKey;
    }

    @Override
    public boolean delivers(OutboundMessage message) {
        return message.channel() == Channel.STORE && message.kind() != OutboundKind.SURVEY;
    }

    @Override
    public String send(OutboundMessage message) {
        if (message.replyTo() == null || !StoreVisits.PROVIDER.equals(message.replyTo().provider())
                || message.replyTo().providerMessageId() == null) {
            throw ProviderException.undeliverable("no ticket to call: the item's latest contact is no store visit");
        }
        Desk desk = Desk.of(message.agentAddress());
        String key = apiKey.filter(value -> !value.isBlank())
                .orElseThrow(() -> ProviderException.undeliverable("SWITCHBOARD_QMINDER_API_KEY is not set"));
        try {
            QminderTickets.CalledTicket called = qminder.call(message.replyTo().providerMessageId(), key, desk.user(),
                    desk.desk());
            return called != null && called.id() != null ? called.id() : message.replyTo().providerMessageId();
        } catch (ProcessingException e) {
            throw ProviderException.ofTransportFailure(e);
        }
    }
}
