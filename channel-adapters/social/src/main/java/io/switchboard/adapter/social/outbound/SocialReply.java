package io.switchboard.adapter.social.outbound;

import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.adapter.social.service.SocialMetadata;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyContext;

import java.time.Instant;
import java.util.Set;

/**
 * An agent's reply on the social channel as the senders read it: the network, account and message the customer
 * wrote, from the metadata the adapter put on that contact ({@link SocialMetadata}).
 */
record SocialReply(OutboundMessage message) {

    static final String FACEBOOK = "facebook";
    static final String INSTAGRAM = "instagram";
    static final String X = "x";
    private static final Set<String> NETWORKS = Set.of(FACEBOOK, INSTAGRAM, X);

    /** The reply, when it is one the social adapter delivers: a reply to a social contact of a known network. */
    static SocialReply of(OutboundMessage message) {
        ReplyContext to = message.replyTo();
        boolean ours = message.channel() == Channel.SOCIAL && message.kind() == OutboundKind.REPLY && to != null
                && NETWORKS.contains(to.provider());
        return ours ? new SocialReply(message) : null;
    }

    private ReplyContext to() {
        return message.replyTo();
    }

    String network() {
        return to().provider();
    }

    boolean onMeta() {
        return FACEBOOK.equals(network()) || INSTAGRAM.equals(network());
    }

    /** A direct message, or a public post the agent answers in private: either way a message to the customer. */
    boolean inPrivate() {
        return directMessage() || (to().publicPost() && message.privateReply());
    }

    boolean directMessage() {
        return SocialMetadata.DIRECT_MESSAGE.equals(to().metadata().get(SocialMetadata.KIND));
    }

    /** A comment, not a post: {@code feed/comment}, {@code group_feed/comment}, and every Instagram public contact. */
    boolean onComment() {
        return INSTAGRAM.equals(network()) || kind().endsWith("/comment");
    }

    String kind() {
        return metadata(SocialMetadata.KIND);
    }

    String account() {
        return metadata(SocialMetadata.ACCOUNT);
    }

    String senderId() {
        return metadata(SocialMetadata.SENDER);
    }

    /** The customer's post, comment or message: the network's own id of it. */
    String postId() {
        return to().providerMessageId();
    }

    Instant receivedAt() {
        return to().receivedAt();
    }

    /** The agent's text. The networks' reply APIs take text; attachments are refused rather than left out. */
    String text() {
        if (!message.attachments().isEmpty()) {
            throw ProviderException.undeliverable("attachments cannot be sent on " + network()
                    + " by Switchboard yet; send the reply as text");
        }
        if (message.text() == null || message.text().isBlank()) {
            throw ProviderException.undeliverable("the reply has no text");
        }
        return message.text();
    }

    String metadata(String key) {
        String value = to().metadata().get(key);
        if (value == null || value.isBlank()) {
            throw ProviderException.undeliverable("the customer's " + network() + " message has no '" + key
                    + "' in its metadata (received before replies were possible), so the reply cannot be addressed");
        }
        return value;
    }
}
