package io.switchboard.adapter.core.health;

import io.smallrye.common.annotation.Identifier;
import io.switchboard.contracts.KafkaConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ready only while the Kafka cluster answers: an adapter that cannot publish would answer every webhook 503, so
 * the load balancer should send gateways to an instance that can.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private static final int TIMEOUT_MS = 2000;

    private final Map<String, Object> kafka;
    private final String bootstrapServers;
    private Admin admin;

    public KafkaReadinessCheck(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
        this.bootstrapServers = String.valueOf(kafka.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    @Override
    public HealthCheckResponse call() {
        try {
            String clusterId = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .clusterId().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named("kafka").up()
                    .withData("bootstrap.servers", bootstrapServers).withData("cluster", clusterId).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named("kafka").down().withData("error", "interrupted").build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").down()
                    .withData("bootstrap.servers", bootstrapServers).withData("error", String.valueOf(e)).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            // The channels' connection settings (TLS, SASL in Kubernetes), so the check sees what publishing sees.
            Map<String, Object> config = KafkaConnection.of(kafka);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
