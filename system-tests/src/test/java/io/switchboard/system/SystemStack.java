package io.switchboard.system;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.switchboard.runtime.SwitchboardStack;
import io.switchboard.runtime.gateway.SignedWebhook;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The packaged services of this build, started as processes on a real broker and database. */
final class SystemStack {

    private SystemStack() {
    }

    static SwitchboardStack start(List<String> services) {
        return start(services, UnaryOperator.identity());
    }

    static SwitchboardStack start(List<String> services, UnaryOperator<SwitchboardStack.Builder> options) {
        Path root = Path.of(System.getProperty("switchboard.root", "..")).toAbsolutePath().normalize();
        Path state = root.resolve("system-tests/target/stack-" + UUID.randomUUID());
        return options.apply(SwitchboardStack.builder(root, state).services(services).freePorts().partitions(3))
                .build().start();
    }

    /** A JSON request to a service's API with the caller's JWT. */
    static RequestSpecification api(String token) {
        return RestAssured.given().contentType("application/json").header("Authorization", "Bearer " + token);
    }

    /** The gateway's delivery of a signed webhook to its adapter in {@code stack}. */
    static Response deliver(SwitchboardStack stack, SignedWebhook webhook) {
        return RestAssured.given().contentType(webhook.contentType()).headers(webhook.headers())
                .body(webhook.body()).post(stack.url(webhook.service()) + webhook.path());
    }
}
