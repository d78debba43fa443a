package io.nightwatch.analyzer.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nightwatch.schemas.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on a free loopback port that plays a scripted model conversation, one {@link Turn} per request,
 * and records every request body and Authorization header. Subclasses speak one provider's wire format.
 */
public abstract class ScriptedChatServer implements AutoCloseable {

    /** One received request. */
    public record Received(String path, String authorization, JsonNode body) {}

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Turn> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    protected final AtomicInteger served = new AtomicInteger();

    protected ScriptedChatServer(String path) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(path, this::handle);
        server.start();
    }

    /** Appends turns to the script. */
    public ScriptedChatServer play(Turn... turns) {
        script.addAll(List.of(turns));
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Received> received() {
        return received;
    }

    /** The response body for a tool-call turn or an answer, in the provider's format. */
    protected abstract String render(Turn turn, int n, JsonNode request);

    /** The text of the last message sent to the model (what a naive model would "read"). */
    protected abstract String lastMessageText(JsonNode request);

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"), body));
            Turn turn = script.poll();
            if (turn == null) {
                turn = new Turn.Failure(500, "{\"error\":{\"message\":\"the fake model's script is exhausted\"}}");
            }
            while (turn instanceof Turn.Slow slow || turn instanceof Turn.Reacting) {
                if (turn instanceof Turn.Slow slow) {
                    Thread.sleep(slow.millis());
                    turn = slow.then();
                } else {
                    turn = ((Turn.Reacting) turn).reaction().apply(lastMessageText(body));
                }
            }
            int n = served.incrementAndGet();
            if (turn instanceof Turn.Failure failure) {
                send(exchange, failure.status(), failure.body());
            } else {
                send(exchange, 200, render(turn, n, body));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away (a cancelled analysis): nothing to answer
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
