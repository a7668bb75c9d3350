package io.switchboard.contracts;

import java.util.HashMap;
import java.util.Map;

/**
 * What a Kafka client needs to reach the cluster — its address, TLS and SASL settings — taken from a service's
 * default Kafka configuration (Quarkus's {@code default-kafka-broker} map, fed by {@code kafka.*} properties and
 * {@code KAFKA_*} environment variables). Clients a service builds itself (readiness checks, replays) use it, so
 * they connect wherever the service's channels connect, also to a cluster with TLS and SCRAM (k8s/README.md).
 */
public final class KafkaConnection {

    private KafkaConnection() {
    }

    /** The connection settings among {@code defaults}, without the consumer's or producer's own. */
    public static Map<String, Object> of(Map<String, Object> defaults) {
        Map<String, Object> connection = new HashMap<>();
        defaults.forEach((name, value) -> {
            if (name.equals("bootstrap.servers") || name.startsWith("security.") || name.startsWith("sasl.")
                    || name.startsWith("ssl.")) {
                connection.put(name, value);
            }
        });
        return connection;
    }
}
