package io.switchboard.adapter.social.outbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * The X API calls that answer customers ({@code switchboard.x.api-url}, e.g. {@code https://api.x.com}): v2 with the
 * account's OAuth 2.0 user token, and v1.1's direct message events (OAuth 1.0a) for the quick replies v2 lacks.
 */
@RegisterRestClient(configKey = "x-api")
public interface XApi {

    String DIRECT_MESSAGE_EVENTS = "1.1/direct_messages/events/new.json";

    /** A direct message to the customer, in the one-to-one conversation with them. */
    @POST
    @Path("2/dm_conversations/with/{participant}/messages")
    Data<DmEvent> directMessage(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("participant") String participantId, Post message);

    /** A post; with {@code reply} it answers the customer's post in its thread. */
    @POST
    @Path("2/tweets")
    Data<Posted> post(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, Post post);

    /** A direct message with quick reply options; {@code authorization} is an OAuth 1.0a header ({@link OAuth1}). */
    @POST
    @Path(DIRECT_MESSAGE_EVENTS)
    EventEnvelope directMessageEvent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            EventEnvelope event);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return XError.of(response);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Post(String text, Reply reply) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Reply(String inReplyToTweetId) {
    }

    record Data<T>(T data) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DmEvent(String dmConversationId, String dmEventId) {
    }

    record Posted(String id, String text) {
    }

    record EventEnvelope(Event event) {

        /** A {@code message_create} event to {@code recipientId} with one quick reply option per choice. */
        static EventEnvelope withOptions(String recipientId, String text, List<Option> options) {
            return new EventEnvelope(new Event("message_create", null, new MessageCreate(new Target(recipientId),
                    new MessageData(text, new QuickReply("options", options)))));
        }
    }

    /** {@code id} is set in X's answer: the direct message event's id. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Event(String type, String id, MessageCreate messageCreate) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MessageCreate(Target target, MessageData messageData) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Target(String recipientId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MessageData(String text, QuickReply quickReply) {
    }

    record QuickReply(String type, List<Option> options) {
    }

    /** A choice: its label is the customer's answer text, the metadata comes back in the webhook. */
    record Option(String label, String metadata) {
    }
}
