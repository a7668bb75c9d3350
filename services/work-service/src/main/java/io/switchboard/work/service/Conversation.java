package io.switchboard.work.service;

import io.switchboard.work.model.ConversationMessage;
import io.switchboard.work.model.WorkItem;

import java.util.List;

/** A work item with the messages of its conversation, as the holding agent sees it. */
public record Conversation(WorkItem item, List<ConversationMessage> messages) {
}
