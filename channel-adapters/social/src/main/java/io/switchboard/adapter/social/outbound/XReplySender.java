package io.switchboard.adapter.social.outbound;

import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.social.outbound.XApi.Post;
import io.switchboard.adapter.social.outbound.XApi.Reply;
import io.switchboard.contracts.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Replies on X: a direct message to the customer for their direct message (or a mention answered in private),
 * else a post in reply to theirs. Both with the account's OAuth 2.0 user token; the provider message id is the
 * DM event id or the post id.
 */
@ApplicationScoped
public class XReplySender implements OutboundSender {

    private final XApi x;
    private final AccessTokens tokens;

    public XReplySender(@RestClient XApi x, AccessTokens tokens) {
        this.x = x;
        this.tokens = tokens;
    }

    @Override
    public boolean delivers(OutboundMessage message) {
        SocialReply reply = SocialReply.of(message);
        return reply != null && SocialReply.X.equals(reply.network());
    }

    @Override
    public String send(OutboundMessage message) {
        SocialReply reply = SocialReply.of(message);
        String bearer = tokens.x();
        if (reply.inPrivate()) {
            Post text = new Post(reply.text(), null);
            return AccessTokens.reaching(() -> x.directMessage(bearer, reply.senderId(), text)).data().dmEventId();
        }
        Post answer = new Post(reply.text(), new Reply(reply.postId()));
        return AccessTokens.reaching(() -> x.post(bearer, answer)).data().id();
    }
}
