package io.switchboard.adapter.webshop.outbound;

import io.switchboard.adapter.core.outbound.ProviderException;
import io.vertx.ext.mail.SMTPException;

/**
 * What a failed SMTP exchange means for the reply: a 4xx reply code is the server asking to try again later
 * (greylisting, a full queue), a 5xx one is a refusal that a retry would only repeat; no reply code at all means the
 * server was not reached.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static ProviderException of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return new ProviderException(smtp.getReplyCode(), "SMTP " + smtp.getReplyCode() + " "
                        + smtp.getReplyMessage(), smtp.isTransient());
            }
        }
        return ProviderException.unreachable(failure);
    }
}
