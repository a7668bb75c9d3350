package io.switchboard.adapter.social.outbound;

import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.adapter.social.outbound.GraphApi.Message;
import io.switchboard.adapter.social.outbound.GraphApi.Recipient;
import io.switchboard.adapter.social.outbound.GraphApi.SendApiMessage;
import io.switchboard.adapter.social.survey.SurveyPayload;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.SurveyQuestion;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Messenger and Instagram messages through the Send API: answers to direct messages within Meta's messaging
 * windows ({@link MessagingWindow}), each attachment as a message of its own after the text; surveys as the question
 * with eleven quick replies; and private replies to Page and Instagram comments and visitor posts. A Page sends as
 * itself ({@code /{page-id}/messages}); an Instagram account through its linked Page's token ({@code /me/messages}).
 */
@ApplicationScoped
public class MetaMessageSender implements OutboundSender {

    private final GraphApi graph;
    private final AccessTokens tokens;

    public MetaMessageSender(@RestClient GraphApi graph, AccessTokens tokens) {
        this.graph = graph;
        this.tokens = tokens;
    }

    /** Messages to the customer, and every survey: one addressed to a comment is refused here, visibly. */
    @Override
    public boolean delivers(OutboundMessage message) {
        SocialReply reply = SocialReply.of(message);
        return reply != null && reply.onMeta() && (reply.inPrivate() || reply.survey());
    }

    @Override
    public String send(OutboundMessage message) {
        SocialReply reply = SocialReply.of(message);
        String account = reply.account();
        String sender = SocialReply.INSTAGRAM.equals(reply.network()) ? "me" : account;
        String bearer = tokens.meta(account);
        return sendAll(requests(reply, Instant.now()),
                request -> AccessTokens.reaching(() -> graph.send(bearer, sender, request)).messageId());
    }

    private static List<SendApiMessage> requests(SocialReply reply, Instant now) {
        if (reply.survey()) {
            SurveyQuestion survey = reply.surveyQuestion();
            MessagingWindow window = MessagingWindow.forSurvey(reply.receivedAt(), now);
            return List.of(new SendApiMessage(Recipient.person(reply.senderId()), window.messagingType(), window.tag(),
                    Message.survey(survey.question(), SurveyPayload.scale(survey.surveyId()))));
        }
        if (reply.directMessage()) {
            MessagingWindow window = MessagingWindow.of(reply.receivedAt(), now);
            Recipient customer = Recipient.person(reply.senderId());
            return Stream.concat(reply.optionalText().map(Message::text).stream(),
                            reply.attachments().stream().map(Message::media))
                    .map(content -> new SendApiMessage(customer, window.messagingType(), window.tag(), content))
                    .toList();
        }
        // Meta allows one private reply per comment or post, so it is text only.
        MessagingWindow.requireOpen(reply.receivedAt(), now, "the 7-day private reply window of the comment");
        Recipient author = reply.onComment() ? Recipient.comment(reply.postId()) : Recipient.post(reply.postId());
        return List.of(new SendApiMessage(author, null, null, Message.text(reply.text())));
    }

    /**
     * Sends the messages in order; the first one's id is the reply's. Once one went out a failure is final: a retry
     * would send the ones before it again, so the agent is told what arrived instead.
     */
    private static String sendAll(List<SendApiMessage> requests, Function<SendApiMessage, String> send) {
        String first = send.apply(requests.get(0));
        for (int i = 1; i < requests.size(); i++) {
            try {
                send.apply(requests.get(i));
            } catch (ProviderException e) {
                throw new ProviderException(e.status(), "sent " + i + " of " + requests.size() + " messages (the first "
                        + first + "), then: " + e.getMessage(), false);
            }
        }
        return first;
    }
}
