package io.switchboard.adapter.social.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.util.List;

/**
 * A Meta Graph API webhook notification for a page ({@code object=page}: feed posts and comments, Messenger)
 * (also its comments in groups, {@code group_feed}) or an Instagram account ({@code object=instagram}: comments, mentions, direct messages), as far as Switchboard
 * reads it. One notification may carry several entries, each with several events.
 */
public record MetaNotification(String object, List<Entry> entry) {

    /** @param id the page or Instagram account the events are about */
    public record Entry(String id, List<Messaging> messaging, List<Change> changes) {
    }

    public record Messaging(Party sender, Party recipient, JsonNode timestamp, Message message) {
    }

    public record Party(String id) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Message(String mid, String text, Boolean isEcho, List<MediaAttachment> attachments) {
    }

    public record MediaAttachment(String type, MediaPayload payload) {
    }

    public record MediaPayload(String url) {
    }

    public record Change(String field, ChangeValue value) {
    }

    /** A feed or group feed change ({@code item}, {@code verb}, {@code comment_id}/{@code post_id},
     * {@code message}, {@code group_id}) or an Instagram comment or mention ({@code id}, {@code text}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ChangeValue(String item, String verb, String postId, String commentId, String id, String message,
            String text, Author from, JsonNode createdTime, String groupId) {
    }

    public record Author(String id, String name, String username) {
    }
}
