package io.switchboard.adapter.social.outbound;

import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.adapter.social.service.SocialMetadata;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.OutboundKind;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.ReplyContext;
import io.switchboard.contracts.SurveyQuestion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An agent's reply, or a survey, on the social channel as the senders read it: the network, account and message the
 * customer wrote, from the metadata the adapter put on that contact ({@link SocialMetadata}).
 */
record SocialReply(OutboundMessage message) {

    static final String FACEBOOK = "facebook";
    static final String INSTAGRAM = "instagram";
    static final String X = "x";
    private static final Set<String> NETWORKS = Set.of(FACEBOOK, INSTAGRAM, X);

    /**
     * The reply or survey, when it is one the social adapter delivers: addressed to a social contact of a known
     * network.
     */
    static SocialReply of(OutboundMessage message) {
        ReplyContext to = message.replyTo();
        boolean kind = message.kind() == OutboundKind.REPLY || message.kind() == OutboundKind.SURVEY;
        boolean ours = message.channel() == Channel.SOCIAL && kind && to != null && NETWORKS.contains(to.provider());
        return ours ? new SocialReply(message) : null;
    }

    boolean survey() {
        return message.kind() == OutboundKind.SURVEY;
    }

    /**
     * The survey to ask. Surveys go to direct messages only: the work-service surveys no public post or comment, so
     * one addressed there is refused, never posted for the world to read.
     */
    SurveyQuestion surveyQuestion() {
        if (!directMessage()) {
            throw ProviderException.undeliverable("surveys are asked in direct messages only: the customer's "
                    + network() + " message was a public post or comment, which is not surveyed");
        }
        SurveyQuestion survey = message.survey();
        if (survey == null || survey.surveyId() == null || survey.question() == null || survey.question().isBlank()) {
            throw ProviderException.undeliverable("the survey has no survey id or no question");
        }
        return survey;
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

    /**
     * The agent's text where only text can go (a comment, a private reply to a comment): attachments are refused
     * rather than left out.
     */
    String text() {
        if (!message.attachments().isEmpty()) {
            throw ProviderException.undeliverable("a reply to a " + network() + " comment or post carries text only; "
                    + "send the attachments in a direct message");
        }
        return optionalText().orElseThrow(() -> ProviderException.undeliverable("the reply has no text"));
    }

    /** The agent's text, if any; a reply has text, attachments or both. */
    Optional<String> optionalText() {
        Optional<String> text = Optional.ofNullable(message.text()).filter(t -> !t.isBlank());
        if (text.isEmpty() && message.attachments().isEmpty()) {
            throw ProviderException.undeliverable("the reply has no text");
        }
        return text;
    }

    /** The attachments to send, each by the URL the provider fetches it from. */
    List<Attachment> attachments() {
        for (Attachment attachment : message.attachments()) {
            if (attachment.url() == null || attachment.url().isBlank()) {
                throw ProviderException.undeliverable("an attachment has no url for " + network()
                        + " to fetch it from");
            }
        }
        return message.attachments();
    }

    /** The text followed by the attachments' links, one a line: for X, whose APIs take only media uploaded first. */
    String textWithLinks() {
        return Stream.concat(optionalText().stream(), attachments().stream().map(Attachment::url))
                .collect(Collectors.joining("\n"));
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
