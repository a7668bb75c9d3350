package io.switchboard.adapter.webshop.outbound;

import io.switchboard.adapter.core.outbound.ProviderException;
import io.vertx.ext.mail.SMTPException;

/**
 * What a failed SMTP exchange means for the reply: a 4xx reply code is the server asking to try again later
 * (greylisting, a full queue), a 5xx one is a refusal that a retry would only repeat, and a server that could not be
 * reached is worth another try. Anything else (a connection lost or timed out mid-exchange) leaves unknown whether
 * the mail left, so it is passed on as it is and the reply becomes UNCONFIRMED.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    static RuntimeException of(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return new ProviderException(smtp.getReplyCode(), "SMTP " + smtp.getReplyMessage(), smtp.isTransient());
            }
        }
        return ProviderException.ofTransportFailure(failure);
    }
}
