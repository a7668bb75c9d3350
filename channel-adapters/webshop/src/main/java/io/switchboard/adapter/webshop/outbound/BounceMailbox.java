package io.switchboard.adapter.webshop.outbound;

import io.quarkus.scheduler.Scheduled;
import io.switchboard.adapter.core.outbound.DeliveryStatusPublisher;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.DeliveryState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads the mailbox that bounces go to (the envelope sender, {@code quarkus.mailer.bounce-address}) over IMAP and
 * turns each report of a mail this adapter sent into {@code FAILED} on {@code contacts.delivery}, by the mail's
 * Message-ID, so a reply or survey accepted by the SMTP server and bounced later does not stay {@code SENT}. A message
 * is marked seen only once its status is durable (or it is no bounce of ours), so an outage of Kafka or of the
 * mailbox only delays the status. Without {@code switchboard.webshop.bounces.host} nothing is read.
 */
@ApplicationScoped
public class BounceMailbox {

    private static final Logger LOG = Logger.getLogger(BounceMailbox.class);
    private static final Duration PUBLISH = Duration.ofSeconds(10);

    private final Optional<String> host;
    private final int port;
    private final String protocol;
    private final Optional<String> username;
    private final Optional<String> password;
    private final String folder;
    private final DeliveryStatusPublisher statuses;

    public BounceMailbox(@ConfigProperty(name = "switchboard.webshop.bounces.host") Optional<String> host,
            @ConfigProperty(name = "switchboard.webshop.bounces.port") int port,
            @ConfigProperty(name = "switchboard.webshop.bounces.protocol") String protocol,
            @ConfigProperty(name = "switchboard.webshop.bounces.username") Optional<String> username,
            @ConfigProperty(name = "switchboard.webshop.bounces.password") Optional<String> password,
            @ConfigProperty(name = "switchboard.webshop.bounces.folder") String folder,
            DeliveryStatusPublisher statuses) {
        this.host = host;
        this.port = port;
        this.protocol = protocol;
        this.username = username;
        this.password = password;
        this.folder = folder;
        this.statuses = statuses;
    }

    @Scheduled(every = "{switchboard.webshop.bounces.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void read() {
        if (host.isEmpty()) {
            return;
        }
        try (Store store = Session.getInstance(new Properties()).getStore(protocol)) {
            store.connect(host.get(), port, username.orElse(null), password.orElse(null));
            Folder inbox = store.getFolder(folder);
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    Bounce.of(message).ifPresent(this::report);
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            LOG.warnf("Bounce mailbox %s:%d not read, trying again at the next poll: %s", host.get(), port, e.getMessage());
        }
    }

    private void report(Bounce bounce) {
        statuses.providerReported(Channel.WEBSHOP, MailReplies.PROVIDER, bounce.messageId(), DeliveryState.FAILED,
                bounce.error(), Instant.now(), bounce.reportId()).await().atMost(PUBLISH);
    }
}
