package io.switchboard.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What one Kafka user may do, one operation on one resource per entry, so that two ACL lists compare as sets. */
record KafkaAccess(Set<Permission> permissions) {

    record Permission(String resourceType, String name, String patternType, String operation) {
    }

    /**
     * What a service needs: Write on every topic it produces to (also idempotent produce since Kafka 3.0, the
     * topics its outbox relay takes from the rows, and those of its own producers), Read on every topic it consumes
     * and its group, Write on the dead-letter topics of its consumers, and Read on the topics its own group-less
     * consumers read.
     */
    static KafkaAccess neededBy(SwitchboardService service) {
        Set<Permission> permissions = new HashSet<>();
        service.topicsReadByOwnConsumers().forEach(topic -> permissions.add(topic(topic, "Read")));
        service.topicsWrittenPerRecord().forEach(topic -> permissions.add(topic(topic, "Write")));
        service.topicsWrittenByOwnProducers().forEach(topic -> permissions.add(topic(topic, "Write")));
        for (KafkaChannel channel : service.kafkaChannels()) {
            channel.topics().forEach(topic -> permissions.add(topic(topic, channel.incoming() ? "Read" : "Write")));
            channel.group().ifPresent(group -> permissions.add(
                    new Permission("group", group.name(), group.prefix() ? "prefix" : "literal", "Read")));
            channel.deadLetterTopic().ifPresent(topic -> permissions.add(topic(topic, "Write")));
        }
        return new KafkaAccess(permissions);
    }

    /** The ACLs of a KafkaUser; the default type of an ACL is allow and its default pattern type literal. */
    static KafkaAccess grantedTo(JsonNode kafkaUser) {
        Set<Permission> permissions = new HashSet<>();
        for (JsonNode acl : kafkaUser.path("spec").path("authorization").path("acls")) {
            if (!acl.path("type").asText("allow").equals("allow")) {
                throw new AssertionError(Manifests.name(kafkaUser) + ": only allow ACLs are expected, not " + acl);
            }
            JsonNode resource = acl.path("resource");
            for (JsonNode operation : acl.path("operations")) {
                permissions.add(new Permission(resource.path("type").asText(), resource.path("name").asText(),
                        resource.path("patternType").asText("literal"), operation.asText()));
            }
        }
        return new KafkaAccess(permissions);
    }

    static Permission topic(String name, String operation) {
        return new Permission("topic", name, "literal", operation);
    }

    static Permission group(String name, String operation) {
        return new Permission("group", name, "literal", operation);
    }

    Set<String> names(String resourceType) {
        return permissions.stream().filter(permission -> permission.resourceType().equals(resourceType))
                .map(Permission::name).collect(Collectors.toSet());
    }
}
