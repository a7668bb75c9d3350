package io.switchboard.adapter.social.outbound;

import io.switchboard.adapter.core.outbound.OutboundSender;
import io.switchboard.adapter.social.outbound.GraphApi.CommentMessage;
import io.switchboard.adapter.social.outbound.GraphApi.MentionReply;
import io.switchboard.adapter.social.service.SocialMetadata;
import io.switchboard.contracts.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Public replies on Facebook and Instagram: a comment under the customer's Page post or comment
 * ({@code POST /{id}/comments}), a reply to an Instagram comment ({@code POST /{ig-comment-id}/replies}), or, for
 * a comment that mentioned the account on someone else's media, {@code POST /{ig-user-id}/mentions}.
 */
@ApplicationScoped
public class MetaCommentSender implements OutboundSender {

    private final GraphApi graph;
    private final AccessTokens tokens;

    public MetaCommentSender(@RestClient GraphApi graph, AccessTokens tokens) {
        this.graph = graph;
        this.tokens = tokens;
    }

    @Override
    public boolean delivers(OutboundMessage message) {
        SocialReply reply = SocialReply.of(message);
        return reply != null && reply.onMeta() && !reply.inPrivate() && !reply.survey();
    }

    @Override
    public String send(OutboundMessage message) {
        SocialReply reply = SocialReply.of(message);
        String text = reply.text();
        String bearer = tokens.meta(reply.account());
        GraphApi.GraphObject created;
        if (SocialReply.INSTAGRAM.equals(reply.network()) && SocialMetadata.INSTAGRAM_MENTION.equals(reply.kind())) {
            MentionReply mention = new MentionReply(reply.postId(), reply.metadata(SocialMetadata.MEDIA), text);
            created = AccessTokens.reaching(() -> graph.replyToMention(bearer, reply.account(), mention));
        } else {
            // A Page comment is answered with a comment under it, an Instagram comment with a reply.
            String edge = SocialReply.FACEBOOK.equals(reply.network()) ? "comments" : "replies";
            created = AccessTokens.reaching(() -> graph.comment(bearer, reply.postId(), edge, new CommentMessage(text)));
        }
        return created.id();
    }
}
