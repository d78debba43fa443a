package io.nightwatch.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/nightwatch demo} end to end, as a user runs it: the smoke check, the UI in a real browser
 * (playwright-core driving Debian's chromium), a clean stop on SIGTERM (what Ctrl-C sends through the
 * launcher), and a second run that keeps the first run's data.
 */
class DemoIT {

    private static final Path HOME = Path.of(System.getProperty("user.dir")).getParent();
    private static final List<String> SERVICES = List.of("checkout", "payments", "search", "gateway");
    private static final Pattern SMOKE = Pattern.compile("SMOKE OK services=(\\d+) rollups=(\\d+)");

    @Test
    void demoServesEveryServiceInTheBrowserStopsCleanlyAndKeepsItsDataAcrossRuns() throws Exception {
        Path var = Files.createTempDirectory("nw-demo-it");

        Run first = run(List.of("demo", "--smoke", "--var", var.toString(), "--api-port", "0", "--flink-port", "0",
                "--kafka-port", "0", "--pg-port", "0", "--release-port", "0"), Duration.ofMinutes(10));
        assertThat(first.exitCode).as(first.output).isZero();
        Matcher m1 = SMOKE.matcher(first.output);
        assertThat(m1.find()).as(first.output).isTrue();
        assertThat(m1.group(1)).isEqualTo("4");
        long rollupsAfterFirst = Long.parseLong(m1.group(2));

        int apiPort = Ports.resolve(0);
        Process demo = start(List.of("demo", "--var", var.toString(), "--api-port", Integer.toString(apiPort),
                "--flink-port", "0", "--kafka-port", "0", "--pg-port", "0", "--release-port", "0"));
        Output live = Output.of(demo);
        assertThat(live.await("Nightwatch is ready", Duration.ofMinutes(5))).as(live.text()).isTrue();
        Matcher token = Pattern.compile("viewer token\\s+(nw_\\S+)").matcher(live.text());
        assertThat(token.find()).as(live.text()).isTrue();

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + apiPort + "/api/services")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);

        Run browser = runCommand(List.of("node", HOME.resolve("ui/e2e/services.e2e.mjs").toString(),
                "--url", "http://127.0.0.1:" + apiPort, "--token", token.group(1),
                "--expect", String.join(",", SERVICES), "--timeout-ms", "120000"), Duration.ofMinutes(4));
        assertThat(browser.exitCode).as(browser.output).isZero();
        assertThat(browser.output).contains("E2E OK services=4");

        demo.toHandle().destroy(); // SIGTERM to the launcher script, as its Ctrl-C trap does (keeps the output open)
        assertThat(demo.waitFor(3, TimeUnit.MINUTES)).isTrue();
        live.join();
        assertThat(demo.exitValue()).as(live.text()).isZero();
        assertThat(live.text()).contains("Nightwatch stopped.");
        assertThat(var.resolve("kafka/broker.pid")).doesNotExist();

        Run third = run(List.of("demo", "--smoke", "--var", var.toString(), "--api-port", "0", "--flink-port", "0",
                "--kafka-port", "0", "--pg-port", "0", "--release-port", "0"), Duration.ofMinutes(10));
        assertThat(third.exitCode).as(third.output).isZero();
        Matcher m3 = SMOKE.matcher(third.output);
        assertThat(m3.find()).isTrue();
        assertThat(Long.parseLong(m3.group(2))).as("rollups kept across runs").isGreaterThan(rollupsAfterFirst);
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> args, Duration timeout) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("bin/nightwatch").toString());
        command.addAll(args);
        return runCommand(command, timeout);
    }

    private static Run runCommand(List<String> command, Duration timeout) throws Exception {
        Process p = builder(command).start();
        Output out = Output.of(p);
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command + "\n" + out.text());
        }
        out.join();
        return new Run(p.exitValue(), out.text());
    }

    private static Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("bin/nightwatch").toString());
        command.addAll(args);
        return builder(command).start();
    }

    private static ProcessBuilder builder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true);
        pb.environment().put("NW_SKIP_STALE_CHECK", "1"); // the jars were just built by this Maven run
        pb.environment().put("NW_JAVA_OPTS", "-Xmx2g");
        return pb;
    }

    /** Collects a process's output on a thread. */
    private static final class Output {
        private final StringBuffer buffer = new StringBuffer();
        private final Thread reader;

        private Output(Process p) {
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        buffer.append(line).append('\n');
                    }
                } catch (IOException e) {
                    buffer.append("[output closed: ").append(e.getMessage()).append("]\n");
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        static Output of(Process p) {
            return new Output(p);
        }

        String text() {
            return buffer.toString();
        }

        boolean await(String marker, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (buffer.indexOf(marker) >= 0) {
                    return true;
                }
                Thread.sleep(200);
            }
            return false;
        }

        void join() throws InterruptedException {
            reader.join(5000);
        }
    }
}
