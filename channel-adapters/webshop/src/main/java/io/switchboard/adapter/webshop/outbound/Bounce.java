package io.switchboard.adapter.webshop.outbound;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A delivery status notification (RFC 3464) saying that a mail this adapter sent could not be delivered: a
 * {@code multipart/report} with {@code Action: failed}, whose returned message or headers carry our Message-ID
 * ({@code <replyId@switchboard>}). Mail servers word the human part as they like; the machine-readable fields are
 * read from the report as text, which is what every server writes.
 *
 * @param messageId  the Message-ID of the mail that bounced: the provider message id of its {@code SENT}
 * @param status     the enhanced status code, e.g. {@code 5.1.1}
 * @param diagnostic the receiving server's reply, e.g. {@code 550 5.1.1 <jan@example.com>: User unknown}
 * @param reportId   the report's own Message-ID, so a report read twice is the same status
 */
record Bounce(String messageId, String status, String diagnostic, String reportId) {

    private static final Pattern FAILED = Pattern.compile("(?im)^Action:\\s*failed\\s*$");
    private static final Pattern OUR_MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\s]+@switchboard>)");
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*(\\d\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*[^;\\r\\n]*;\\s*(.+?)\\s*$");

    /** The bounce this message reports; empty for anything else (a delay notice, a reply, a bounce of other mail). */
    static Optional<Bounce> of(Message message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return Optional.empty();
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        String report = raw.toString(StandardCharsets.UTF_8);
        Matcher ours = OUR_MESSAGE_ID.matcher(report);
        if (!FAILED.matcher(report).find() || !ours.find()) {
            return Optional.empty();
        }
        String[] reportIds = message.getHeader("Message-ID");
        return Optional.of(new Bounce(ours.group(1), first(STATUS, report), first(DIAGNOSTIC, report),
                reportIds == null || reportIds.length == 0 ? ours.group(1) + " bounced" : reportIds[0]));
    }

    /** The status's error: "bounced 5.1.1: 550 5.1.1 <jan@example.com>: User unknown". */
    String error() {
        return "bounced" + (status == null ? "" : " " + status) + (diagnostic == null ? "" : ": " + diagnostic);
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
