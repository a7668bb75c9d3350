package io.switchboard.adapter.social.outbound;

import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.social.outbound.GraphApi.Recipient;
import io.switchboard.adapter.social.outbound.GraphApi.SendApiMessage;
import io.switchboard.adapter.social.outbound.GraphApi.Text;
import io.switchboard.contracts.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;

/**
 * Messenger and Instagram messages through the Send API: answers to direct messages within Meta's messaging
 * windows ({@link MessagingWindow}), and private replies to Page and Instagram comments and visitor posts. A Page
 * sends as itself ({@code /{page-id}/messages}); an Instagram account through its linked Page's token
 * ({@code /me/messages}).
 */
@ApplicationScoped
public class MetaMessageSender implements OutboundSender {

    private final GraphApi graph;
    private final AccessTokens tokens;

    public MetaMessageSender(@RestClient GraphApi graph, AccessTokens tokens) {
        this.graph = graph;
        this.tokens = tokens;
    }

    @Override
    public boolean delivers(OutboundMessage message) {
        SocialReply reply = SocialReply.of(message);
        return reply != null && reply.onMeta() && reply.inPrivate();
    }

    @Override
    public String send(OutboundMessage message) {
        SocialReply reply = SocialReply.of(message);
        Instant now = Instant.now();
        SendApiMessage request;
        if (reply.directMessage()) {
            MessagingWindow window = MessagingWindow.of(reply.receivedAt(), now);
            request = new SendApiMessage(Recipient.person(reply.senderId()), window.messagingType(), window.tag(),
                    new Text(reply.text()));
        } else {
            MessagingWindow.requireOpen(reply.receivedAt(), now, "the 7-day private reply window of the comment");
            Recipient author = reply.onComment() ? Recipient.comment(reply.postId()) : Recipient.post(reply.postId());
            request = new SendApiMessage(author, null, null, new Text(reply.text()));
        }
        String account = reply.account();
        String sender = SocialReply.INSTAGRAM.equals(reply.network()) ? "me" : account;
        return AccessTokens.reaching(() -> graph.send(tokens.meta(account), sender, request)).messageId();
    }
}
