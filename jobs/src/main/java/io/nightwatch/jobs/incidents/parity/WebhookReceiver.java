package io.nightwatch.jobs.incidents.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.nightwatch.functions.incidents.config.LabelSets;
import io.nightwatch.schemas.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** A local webhook receiver capturing Alertmanager's notifications (answers 200 at once, parses later). */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final ConcurrentLinkedQueue<byte[]> bodies = new ConcurrentLinkedQueue<>();
    private final AtomicLong lastAt = new AtomicLong();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(in.readAllBytes());
            }
            lastAt.set(System.currentTimeMillis());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(pool);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Notifications received so far. */
    public int count() {
        return bodies.size();
    }

    /** Wall time of the last notification (0 before the first). */
    public long lastAt() {
        return lastAt.get();
    }

    /** Every notification received, parsed. */
    public List<SeenNotification> notifications() {
        List<SeenNotification> out = new ArrayList<>();
        long seq = 0;
        for (byte[] b : bodies) {
            JsonNode n = Json.fromBytes(b, JsonNode.class);
            TreeSet<String> firing = new TreeSet<>();
            TreeSet<String> resolved = new TreeSet<>();
            for (JsonNode a : n.path("alerts")) {
                Map<String, String> labels = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = a.path("labels").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    labels.put(e.getKey(), e.getValue().asText());
                }
                ("resolved".equals(a.path("status").asText()) ? resolved : firing).add(LabelSets.toString(labels));
            }
            out.add(new SeenNotification(n.path("groupKey").asText(), n.path("receiver").asText(), seq++, firing, resolved));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
