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

/** The X API v2 calls that answer customers ({@code switchboard.x.api-url}, e.g. {@code https://api.x.com}). */
@RegisterRestClient(configKey = "x-api")
@Path("2")
public interface XApi {

    /** A direct message to the customer, in the one-to-one conversation with them. */
    @POST
    @Path("dm_conversations/with/{participant}/messages")
    Data<DmEvent> directMessage(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("participant") String participantId, Post message);

    /** A post; with {@code reply} it answers the customer's post in its thread. */
    @POST
    @Path("tweets")
    Data<Posted> post(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, Post post);

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
}
