package io.switchboard.adapter.phone.service;

import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.outbound.DeliveryStatusPublisher;
import io.switchboard.adapter.core.unmapped.UnmappableException;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.DeliveryState;
import io.switchboard.contracts.ReplyStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;

/**
 * What became of connecting a caller to an agent ({@code CONNECT}), from Twilio's {@code <Dial action>}: the
 * agent answered (DELIVERED) or did not (FAILED, and the work-service returns the item to the queue). The status
 * names the reply, which the action URL carries, since one call can be connected more than once.
 */
@ApplicationScoped
public class AgentConnections {

    private final DeliveryStatusPublisher statuses;

    public AgentConnections(DeliveryStatusPublisher statuses) {
        this.statuses = statuses;
    }

    public Uni<Void> dialEnded(Map<String, List<String>> call, String replyId) {
        String callSid = require(PhoneCalls.param(call, "CallSid"), "CallSid");
        String dialStatus = require(PhoneCalls.param(call, "DialCallStatus"), "DialCallStatus");
        require(replyId, "replyId of the <Dial action> URL");
        DialOutcome outcome = DialOutcome.of(dialStatus).orElseThrow(
                () -> UnmappableException.invalidValue("unknown DialCallStatus '" + dialStatus + "'"));
        boolean connected = outcome == DialOutcome.CONNECTED;
        // one <Dial> per reply, so reply and status identify a redelivered callback
        String eventId = UUID.nameUUIDFromBytes(("twilio:dial:" + replyId + ':' + dialStatus)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return statuses.publish(new ReplyStatus(ReplyStatus.SCHEMA_VERSION, eventId, replyId, Channel.PHONE,
                PhoneCalls.PROVIDER, callSid, connected ? DeliveryState.DELIVERED : DeliveryState.FAILED,
                connected ? null : ReplyStatus.AGENT_DID_NOT_ANSWER + ": " + dialStatus, Instant.now()));
    }
}
