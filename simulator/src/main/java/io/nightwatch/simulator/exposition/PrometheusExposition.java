package io.nightwatch.simulator.exposition;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nightwatch.simulator.fleet.Fleet;
import io.nightwatch.simulator.fleet.SimulatedInstance;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * A tiny HTTP server (the JDK's) that lets a real Prometheus scrape the simulated fleet: {@code GET /metrics} serves
 * every instance (scrape it with {@code honor_labels: true} to keep each sample's {@code instance} label),
 * {@code GET /instances/<name>/metrics} one instance (one scrape target per instance). It reads the fleet live, so a
 * release or an injected fault shows at the next scrape.
 */
public final class PrometheusExposition implements AutoCloseable {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private PrometheusExposition(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts serving {@code fleet} on {@code host:port} (port 0: any free port) with the wall clock. */
    public static PrometheusExposition start(Fleet fleet, String host, int port) throws IOException {
        return start(fleet, host, port, System::currentTimeMillis);
    }

    /** Starts serving {@code fleet}; {@code clock} gives the time whose values are served. */
    public static PrometheusExposition start(Fleet fleet, String host, int port, LongSupplier clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "simulator-exposition");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/metrics", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                answer(exchange, 404, "not found\n");
                return;
            }
            answer(exchange, 200, ExpositionFormat.render(fleet.instances(), clock.getAsLong()));
        });
        server.createContext("/instances/", exchange -> {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            // ["", "instances", "<name>", "metrics"]
            if (parts.length != 4 || !parts[3].equals("metrics")) {
                answer(exchange, 404, "expected /instances/<name>/metrics\n");
                return;
            }
            List<SimulatedInstance> one = fleet.instances().stream().filter(i -> i.name().equals(parts[2])).toList();
            if (one.isEmpty()) {
                answer(exchange, 404, "no instance named " + parts[2] + "\n");
                return;
            }
            answer(exchange, 200, ExpositionFormat.render(one, clock.getAsLong()));
        });
        server.setExecutor(executor);
        server.start();
        return new PrometheusExposition(server, executor);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? CONTENT_TYPE : "text/plain; charset=utf-8");
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(405, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code host:port} as a Prometheus target. */
    public String target() {
        return server.getAddress().getHostString() + ":" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
