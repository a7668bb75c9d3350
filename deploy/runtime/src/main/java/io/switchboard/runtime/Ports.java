package io.switchboard.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Loopback ports: free ones for tests, and whether something listens. */
public final class Ports {

    /*
     * The kernel may hand the same ephemeral port out again as soon as the probing socket closes, so two calls
     * in a row (a broker's client and controller listener, say) can collide. Never give a port out twice.
     */
    private static final Set<Integer> ISSUED = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = probe();
            if (ISSUED.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no unused free port after 100 attempts");
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
