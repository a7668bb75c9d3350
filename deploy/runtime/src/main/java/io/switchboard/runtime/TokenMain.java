package io.switchboard.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code deploy/local/token --sub ID --groups agent|supervisor|ops[,..] [--hours N]}: prints a JWT the local stack
 * accepts. The last line of output is the token, so scripts can take it with {@code tail -1}.
 */
public final class TokenMain {

    private TokenMain() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String subject = options.get("--sub");
        String groups = options.get("--groups");
        Set<String> allowed = Set.of("agent", "supervisor", "ops");
        Set<String> groupSet = groups == null ? Set.of() : new HashSet<>(Arrays.asList(groups.split(",")));
        if (subject == null || groupSet.isEmpty() || !allowed.containsAll(groupSet) || args.length % 2 != 0) {
            System.err.println("usage: deploy/local/token --sub ID --groups agent|supervisor|ops[,...] [--hours N]");
            System.exit(2);
        }
        Path root = Path.of(System.getProperty("switchboard.root", ".")).toAbsolutePath();
        Path state = Path.of(System.getenv().getOrDefault("SWITCHBOARD_STATE_DIR", root.resolve("deploy/local/.state").toString()));
        Duration lifetime = Duration.ofHours(Long.parseLong(options.getOrDefault("--hours", "12")));
        String token = JwtKeys.in(state.resolve("jwt")).token(subject, groupSet, lifetime);
        System.out.println("JWT for " + subject + " in " + groupSet + " for " + JwtKeys.AUDIENCE + ", valid "
                + lifetime.toHours() + " h (use as: Authorization: Bearer <token>):");
        System.out.println(token);
    }
}
