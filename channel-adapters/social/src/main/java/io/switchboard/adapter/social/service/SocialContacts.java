package io.switchboard.adapter.social.service;

import io.switchboard.adapter.core.customer.CustomerKeys;
import io.switchboard.adapter.core.metrics.AdapterMetrics;
import io.switchboard.adapter.core.unmapped.UnmappableException;
import io.switchboard.adapter.core.webhook.ProviderTime;
import io.switchboard.adapter.social.survey.SurveyPayload;
import io.switchboard.contracts.Attachment;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ContactReceived;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.switchboard.adapter.core.webhook.WebhookPayloads.require;

/**
 * Turns Meta and X notifications into social contacts. Public posts and comments are marked {@code public}: the
 * whole world reads the answer, so downstream gives them priority. The account's own posts, echoes of its own
 * messages and receipts are acknowledged without becoming contacts, and so are survey answers ({@link SurveyAnswers}).
 */
@ApplicationScoped
public class SocialContacts {

    private final AdapterMetrics metrics;

    public SocialContacts(AdapterMetrics metrics) {
        this.metrics = metrics;
    }

    public List<ContactReceived> fromMeta(MetaNotification notification) {
        String network = switch (String.valueOf(notification.object())) {
            case "page", "group" -> "facebook";
            case "instagram" -> "instagram";
            default -> throw UnmappableException.unknownEvent("unsupported object '" + notification.object()
                    + "', expected 'page', 'group' or 'instagram'");
        };
        List<ContactReceived> contacts = new ArrayList<>();
        for (MetaNotification.Entry entry : require(notification.entry(), "entry")) {
            String accountId = require(entry.id(), "entry[].id");
            for (MetaNotification.Messaging event : listOf(entry.messaging())) {
                if (event.message() == null || Boolean.TRUE.equals(event.message().isEcho())) {
                    // Delivery and read receipts are statuses of our replies (SocialReceipts), not contacts.
                    metrics.ignored(event.message() == null ? "receipt" : "echo");
                    continue;
                }
                if (SurveyPayload.isAnswer(event.message().quickReplyPayload())) {
                    continue; // a survey answer (SurveyAnswers), not a contact
                }
                contacts.add(directMessage(network, accountId, event));
            }
            for (MetaNotification.Change change : listOf(entry.changes())) {
                MetaNotification.ChangeValue value = require(change.value(), "entry[].changes[].value");
                if (!isNewPublicPostByCustomer(change.field(), value, accountId)) {
                    metrics.ignored(String.valueOf(change.field()));
                    continue;
                }
                contacts.add(publicPost(network, accountId, change.field(), value));
            }
        }
        return contacts;
    }

    public List<ContactReceived> fromX(XActivity activity) {
        String accountId = require(activity.forUserId(), "for_user_id");
        List<ContactReceived> contacts = new ArrayList<>();
        if (activity.tweetCreateEvents() == null && activity.directMessageEvents() == null
                && activity.directMessageMarkReadEvents() == null) {
            // Likes, follows, deletions and typing indicators of the subscribed account (read receipts: SocialReceipts).
            metrics.ignored("activity");
        }
        for (XActivity.Post post : listOf(activity.tweetCreateEvents())) {
            XActivity.User author = require(post.user(), "tweet_create_events[].user");
            if (accountId.equals(author.idStr())) {
                metrics.ignored("own-post");
                continue;
            }
            String text = post.extendedTweet() != null ? post.extendedTweet().fullText() : post.text();
            contacts.add(contact("x", require(post.idStr(), "tweet_create_events[].id_str"),
                    require(author.screenName(), "tweet_create_events[].user.screen_name"), author.name(), text, true,
                    List.of(), ProviderTime.of(post.timestampMs(), Instant.now()),
                    xMetadata(accountId, SocialMetadata.MENTION, author.idStr(), post.inReplyToStatusIdStr())));
        }
        for (XActivity.DirectMessage message : listOf(activity.directMessageEvents())) {
            XActivity.MessageCreate created = require(message.messageCreate(), "direct_message_events[].message_create");
            String senderId = require(created.senderId(), "direct_message_events[].message_create.sender_id");
            if (!"message_create".equals(message.type()) || accountId.equals(senderId)) {
                metrics.ignored(accountId.equals(senderId) ? "own-direct-message" : String.valueOf(message.type()));
                continue;
            }
            XActivity.MessageData data = require(created.messageData(),
                    "direct_message_events[].message_create.message_data");
            if (SurveyPayload.isAnswer(data.quickReplyMetadata())) {
                continue; // a survey answer (SurveyAnswers), not a contact
            }
            XActivity.User sender = activity.users() == null ? null : activity.users().get(senderId);
            contacts.add(contact("x", require(message.id(), "direct_message_events[].id"),
                    sender != null && sender.screenName() != null ? sender.screenName() : senderId,
                    sender == null ? null : sender.name(), data.text(), false,
                    List.of(), ProviderTime.of(message.createdTimestamp(), Instant.now()),
                    xMetadata(accountId, SocialMetadata.DIRECT_MESSAGE, senderId, null)));
        }
        return contacts;
    }

    private ContactReceived directMessage(String network, String accountId, MetaNotification.Messaging event) {
        MetaNotification.Message message = event.message();
        List<Attachment> attachments = listOf(message.attachments()).stream()
                .map(media -> new Attachment(media.type(), null, null,
                        media.payload() == null ? null : media.payload().url(), null))
                .toList();
        String senderId = require(require(event.sender(), "entry[].messaging[].sender").id(),
                "entry[].messaging[].sender.id");
        return contact(network, require(message.mid(), "entry[].messaging[].message.mid"), senderId, null,
                message.text(), false, attachments, ProviderTime.of(event.timestamp(), Instant.now()),
                Map.of(SocialMetadata.ACCOUNT, accountId, SocialMetadata.KIND, SocialMetadata.DIRECT_MESSAGE,
                        SocialMetadata.SENDER, senderId));
    }

    private ContactReceived publicPost(String network, String accountId, String field, MetaNotification.ChangeValue value) {
        String id = firstNonNull(value.commentId(), value.id(), value.postId());
        MetaNotification.Author author = value.from();
        Map<String, String> metadata = new HashMap<>();
        metadata.put(SocialMetadata.ACCOUNT, accountId);
        metadata.put(SocialMetadata.KIND, field + (value.item() == null ? "" : "/" + value.item()));
        putIfPresent(metadata, SocialMetadata.SENDER, author.id());
        putIfPresent(metadata, SocialMetadata.GROUP, value.groupId());
        putIfPresent(metadata, SocialMetadata.MEDIA, value.mediaId());
        return contact(network, require(id, "entry[].changes[].value.comment_id"),
                author.username() != null ? author.username() : author.id(), author.name(),
                firstNonNull(value.message(), value.text()), true, List.of(),
                ProviderTime.of(value.createdTime(), Instant.now()), metadata);
    }

    /** What a reply to an X post or direct message is addressed with: the author's user id. */
    private static Map<String, String> xMetadata(String accountId, String kind, String senderId, String inReplyTo) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(SocialMetadata.ACCOUNT, accountId);
        metadata.put(SocialMetadata.KIND, kind);
        putIfPresent(metadata, SocialMetadata.SENDER, senderId);
        putIfPresent(metadata, SocialMetadata.IN_REPLY_TO, inReplyTo);
        return metadata;
    }

    private static void putIfPresent(Map<String, String> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }

    /**
     * New page posts and comments, comments on the page's posts in groups, Instagram comments and mentions, written
     * by someone other than the account.
     */
    private static boolean isNewPublicPostByCustomer(String field, MetaNotification.ChangeValue value, String accountId) {
        boolean byCustomer = value.from() != null && !accountId.equals(value.from().id());
        return switch (String.valueOf(field)) {
            case "feed", "group_feed" -> byCustomer && "add".equals(value.verb());
            case "comments", "mentions" -> byCustomer;
            default -> false;
        };
    }

    /** The provider is the network; the provider message id is the network's own id, as the design defines it. */
    private static ContactReceived contact(String network, String id, String handle, String name, String text,
            boolean publicPost, List<Attachment> attachments, Instant sentAt, Map<String, String> metadata) {
        return ContactReceived.of(Channel.SOCIAL, network, id, sentAt,
                CustomerKeys.byHandle(network, handle, name), text, null, publicPost, attachments, metadata);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static <T> List<T> listOf(List<T> list) {
        return Objects.requireNonNullElse(list, List.of());
    }
}
