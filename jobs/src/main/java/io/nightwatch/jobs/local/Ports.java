package io.nightwatch.jobs.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Port helpers for the local runtime: is a port taken, and a free one when asked for port 0. */
public final class Ports {

    private Ports() {}

    /** {@code port}, or a free ephemeral port when {@code port} is 0. */
    public static int resolve(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** Whether something already listens on localhost:port. */
    public static boolean inUse(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails with a clear message when the port is taken. */
    public static void requireFree(int port, String what, String option) {
        if (inUse(port)) {
            throw new IllegalStateException(what + " port " + port + " is already in use (another demo running?); "
                    + "stop it or choose another with " + option + " PORT (0 picks a free one)");
        }
    }
}
