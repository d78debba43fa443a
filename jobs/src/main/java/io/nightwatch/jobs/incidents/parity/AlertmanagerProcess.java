package io.nightwatch.jobs.incidents.parity;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Alertmanager (Debian's {@code prometheus-alertmanager}) as a child process on loopback: its own config,
 * storage and port, clustering off (no gossip port), stopped with the run.
 */
public final class AlertmanagerProcess implements AutoCloseable {

    public static final String BINARY = System.getenv().getOrDefault("NW_ALERTMANAGER_BIN", "/usr/bin/prometheus-alertmanager");

    private final Process process;
    private final int port;
    private final Path dir;

    private AlertmanagerProcess(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Starts Alertmanager with {@code configYaml} and waits until it is ready. */
    public static AlertmanagerProcess start(String configYaml) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException("Alertmanager not found at " + BINARY
                    + " (apt-get install -y prometheus-alertmanager, or set NW_ALERTMANAGER_BIN)");
        }
        Path dir = Files.createTempDirectory("nw-alertmanager");
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, configYaml);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(List.of(BINARY, "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn",
                "--data.retention=2h"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("alertmanager.log").toFile())
                .start();
        AlertmanagerProcess am = new AlertmanagerProcess(p, port, dir);
        am.awaitReady(Duration.ofSeconds(30));
        return am;
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Alertmanager exited: " + Files.readString(dir.resolve("alertmanager.log")));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Alertmanager did not become ready; log: " + Files.readString(dir.resolve("alertmanager.log")));
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Alertmanager's own version line, for the report. */
    public static String version() {
        try {
            Process p = new ProcessBuilder(BINARY, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("unknown");
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind
        }
    }
}
