package io.switchboard.adapter.social.outbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.switchboard.adapter.social.survey.SurveyPayload;
import io.switchboard.contracts.Attachment;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.stream.Stream;

/**
 * The Meta Graph API calls that answer customers, JSON bodies as the Graph API accepts them. The base URL carries
 * the API version ({@code switchboard.meta.graph-url}, e.g. {@code https://graph.facebook.com/v25.0}).
 */
@RegisterRestClient(configKey = "meta-graph")
public interface GraphApi {

    /** The Send API: Messenger and Instagram messages (text, media, quick replies), and private replies to comments. */
    @POST
    @Path("{sender}/messages")
    SendApiResponse send(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("sender") String sender,
            SendApiMessage message);

    /** A public reply under a Page comment ({@code comments}) or an Instagram comment ({@code replies}). */
    @POST
    @Path("{commentId}/{edge}")
    GraphObject comment(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("commentId") String commentId,
            @PathParam("edge") String edge, CommentMessage reply);

    /** A reply to a comment that mentioned the Instagram account on someone else's media. */
    @POST
    @Path("{account}/mentions")
    GraphObject replyToMention(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @PathParam("account") String account, MentionReply reply);

    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        return GraphError.of(response);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SendApiMessage(Recipient recipient, String messagingType, String tag, Message message) {
    }

    /** The customer's PSID or IGSID, or for a private reply the comment or visitor post it answers. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Recipient(String id, String commentId, String postId) {

        static Recipient person(String id) {
            return new Recipient(id, null, null);
        }

        static Recipient comment(String commentId) {
            return new Recipient(null, commentId, null);
        }

        static Recipient post(String postId) {
            return new Recipient(null, null, postId);
        }
    }

    /** Text, or one attachment; text may carry quick replies (at most 13, Meta's limit). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Message(String text, MediaAttachment attachment, List<QuickReply> quickReplies) {

        static Message text(String text) {
            return new Message(text, null, null);
        }

        /** Media by URL, which Meta fetches; reusable, so Meta keeps it for the same media sent again. */
        static Message media(Attachment attachment) {
            MediaPayload reusable = new MediaPayload(attachment.url(), true);
            return new Message(null, new MediaAttachment(mediaType(attachment), reusable), null);
        }

        /** The survey's question with one quick reply per score, its payload naming survey and score. */
        static Message survey(String question, List<SurveyPayload> scale) {
            return new Message(question, null,
                    scale.stream().map(score -> new QuickReply("text", score.label(), score.encode())).toList());
        }

        /** The Send API's attachment type by the media's content type: image, video, audio, else file. */
        private static String mediaType(Attachment attachment) {
            String contentType = attachment.mimeType() == null ? "" : attachment.mimeType();
            return Stream.of("image", "video", "audio").filter(type -> contentType.startsWith(type + "/"))
                    .findFirst().orElse("file");
        }
    }

    record MediaAttachment(String type, MediaPayload payload) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MediaPayload(String url, boolean isReusable) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record QuickReply(String contentType, String title, String payload) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SendApiResponse(String recipientId, String messageId) {
    }

    record CommentMessage(String message) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MentionReply(String commentId, String mediaId, String message) {
    }

    record GraphObject(String id) {
    }
}
