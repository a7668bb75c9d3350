package io.switchboard.adapter.webshop.outbound;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free port, which the adapter's mailer sends to. It knows one
 * account, so that the {@code refusing} mailer, logging in with the wrong password, gets a real 5xx refusal; the
 * {@code unreachable} mailer points at a port nobody listens on. Its IMAP server holds the bounce mailbox, which the
 * adapter reads every second.
 */
public class MailServerResource implements QuarkusTestResourceLifecycleManager {

    static final String ACCOUNT = "shop";
    static final String BOUNCES = "bounces@shop.test";

    /** Marks the test's {@link GreenMail} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectMailServer {
    }

    private GreenMail server;

    @Override
    public Map<String, String> start() {
        server = new GreenMail(new ServerSetup[] {new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(ACCOUNT, "the-right-password")
                        .withUser(BOUNCES, "bounces", "bounce-password"));
        server.start();
        String port = String.valueOf(server.getSmtp().getPort());
        Map<String, String> config = new HashMap<>();
        mailer("", port, config);
        mailer("refusing.", port, config);
        config.put("quarkus.mailer.refusing.username", ACCOUNT);
        config.put("quarkus.mailer.refusing.password", "a-wrong-password");
        mailer("unreachable.", String.valueOf(freePort()), config);
        // the default mailer keeps the From of application.properties, which the tests check
        config.put("quarkus.mailer.refusing.from", "service@shop.test");
        config.put("quarkus.mailer.unreachable.from", "service@shop.test");
        config.put("switchboard.webshop.bounces.host", "127.0.0.1");
        config.put("switchboard.webshop.bounces.port", String.valueOf(server.getImap().getPort()));
        config.put("switchboard.webshop.bounces.protocol", "imap");
        config.put("switchboard.webshop.bounces.username", "bounces");
        config.put("switchboard.webshop.bounces.password", "bounce-password");
        config.put("switchboard.webshop.bounces.every", "1s");
        return config;
    }

    private static void mailer(String name, String port, Map<String, String> config) {
        config.put("quarkus.mailer." + name + "host", "127.0.0.1");
        config.put("quarkus.mailer." + name + "port", port);
        config.put("quarkus.mailer." + name + "start-tls", "DISABLED");
        config.put("quarkus.mailer." + name + "mock", "false");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectMailServer.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
