package io.switchboard.adapter.social.service;

/**
 * The keys of the social adapter's {@code ContactReceived.metadata}. The work-service stores them with the contact
 * and hands them back in {@code OutboundMessage.replyTo.metadata}, so they are what a reply is addressed with.
 */
public final class SocialMetadata {

    /** The page, Instagram account or X account that was written to. */
    public static final String ACCOUNT = "account";
    /**
     * {@value #DIRECT_MESSAGE}, {@value #MENTION} (X), or Meta's webhook field and item ({@code feed/comment},
     * {@code comments} …).
     */
    public static final String KIND = "kind";
    /** The customer's own id at the network: PSID (Messenger), IGSID (Instagram), user id (X). */
    public static final String SENDER = "senderId";
    /** The Instagram media a mention was made on. */
    public static final String MEDIA = "mediaId";
    public static final String GROUP = "groupId";
    /** The post an X post answers. */
    public static final String IN_REPLY_TO = "inReplyTo";

    public static final String DIRECT_MESSAGE = "direct-message";
    public static final String MENTION = "mention";
    /** The Instagram webhook field of a comment that mentions the account on someone else's media. */
    public static final String INSTAGRAM_MENTION = "mentions";

    private SocialMetadata() {
    }
}
