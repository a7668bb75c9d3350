package io.switchboard.adapter.social.outbound;

import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.social.outbound.XApi.EventEnvelope;
import io.switchboard.adapter.social.outbound.XApi.Option;
import io.switchboard.adapter.social.outbound.XApi.Post;
import io.switchboard.adapter.social.outbound.XApi.Reply;
import io.switchboard.adapter.social.survey.SurveyPayload;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.SurveyQuestion;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Replies on X: a direct message to the customer for their direct message (or a mention answered in private),
 * else a post in reply to theirs, both with the account's OAuth 2.0 user token; attachments go as links in the text,
 * since both APIs take only media the account uploaded first. A survey is a direct message with eleven quick reply
 * options, through v1.1's direct message events with the account's OAuth 1.0a credentials. The provider message id
 * is the DM event id or the post id.
 */
@ApplicationScoped
public class XReplySender implements OutboundSender {

    private final XApi x;
    private final AccessTokens tokens;
    private final String directMessageEventsUrl;

    public XReplySender(@RestClient XApi x, AccessTokens tokens,
            @ConfigProperty(name = "switchboard.x.api-url") String apiUrl) {
        this.x = x;
        this.tokens = tokens;
        // OAuth 1.0a signs the URL the request goes to.
        this.directMessageEventsUrl = apiUrl.replaceAll("/+$", "") + "/" + XApi.DIRECT_MESSAGE_EVENTS;
    }

    @Override
    public boolean delivers(OutboundMessage message) {
        SocialReply reply = SocialReply.of(message);
        return reply != null && SocialReply.X.equals(reply.network());
    }

    @Override
    public String send(OutboundMessage message) {
        SocialReply reply = SocialReply.of(message);
        if (reply.survey()) {
            return survey(reply);
        }
        String bearer = tokens.x();
        if (reply.inPrivate()) {
            Post text = new Post(reply.textWithLinks(), null);
            return AccessTokens.reaching(() -> x.directMessage(bearer, reply.senderId(), text)).data().dmEventId();
        }
        Post answer = new Post(reply.textWithLinks(), new Reply(reply.postId()));
        return AccessTokens.reaching(() -> x.post(bearer, answer)).data().id();
    }

    private String survey(SocialReply reply) {
        SurveyQuestion survey = reply.surveyQuestion();
        EventEnvelope event = EventEnvelope.withOptions(reply.senderId(), survey.question(),
                SurveyPayload.scale(survey.surveyId()).stream()
                        .map(score -> new Option(score.label(), score.encode())).toList());
        String authorization = tokens.xOAuth1().authorization("POST", directMessageEventsUrl);
        return AccessTokens.reaching(() -> x.directMessageEvent(authorization, event)).event().id();
    }
}
