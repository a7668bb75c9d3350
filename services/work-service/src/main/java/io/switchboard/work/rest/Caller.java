package io.switchboard.work.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls, from the verified token: the agent id ({@code sub}) and whether the caller reads every item, contact
 * and customer (groups {@code supervisor} and {@code ops}) or only those of the items they hold or held (an agent).
 */
record Caller(String id, boolean readsAll) {

    static Caller of(JsonWebToken token) {
        return new Caller(token.getSubject(),
                token.getGroups().contains("supervisor") || token.getGroups().contains("ops"));
    }
}
