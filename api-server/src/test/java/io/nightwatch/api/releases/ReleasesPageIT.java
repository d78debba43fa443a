package io.nightwatch.api.releases;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.nightwatch.api.ApiServer;
import io.nightwatch.api.auth.Role;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.testing.TestPostgres;
import io.nightwatch.simulator.fleet.Fleet;
import io.nightwatch.simulator.release.Outbox;
import io.nightwatch.simulator.release.ReleaseApi;
import io.nightwatch.simulator.release.ReleaseEngine;
import io.nightwatch.simulator.release.ReleaseRequest;
import io.nightwatch.simulator.release.ReleaseState;
import io.nightwatch.simulator.release.ReleaseView;
import io.nightwatch.simulator.release.Risk;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The releases pages in a real browser ({@code ui/e2e/releases.e2e.mjs}: playwright-core driving Debian's
 * chromium) against the real api-server with the built UI, real PostgreSQL, and the simulator's release system
 * behind the adapter: the list, a rolled-back release's verdicts and statistics, and an operator's pause.
 */
class ReleasesPageIT {

    private static final Path HOME = Path.of(System.getProperty("user.dir")).getParent();

    private static TestPostgres db;
    private static Javalin releaseSystem;
    private static Javalin api;
    private static ReleaseEngine engine;
    private static String viewer;
    private static String operator;

    @BeforeAll
    static void start() throws SQLException {
        db = TestPostgres.create("releases_page");
        ReleaseFixtures.seed(db.dataSource());
        engine = new ReleaseEngine(Fleet.demo(), Clock.systemUTC(), new Outbox() {
            @Override
            public void release(ReleaseEvent event) {}

            @Override
            public void result(CommandResult result) {}

            @Override
            public void alert(Alert alert) {}
        }, ReleaseEngine.Settings.defaults());
        ReleaseView running = engine.create(new ReleaseRequest("rel-e2e", "payments", "2.8.0", Risk.MEDIUM, null,
                600L, null, null, null, null, null, "e2e"));
        try (Connection c = db.dataSource().getConnection()) {
            c.createStatement().execute("""
                    INSERT INTO releases (id, service, version, from_version, status, stage, stage_count, reason, created_at, updated_at)
                    VALUES ('rel-e2e', 'payments', '2.8.0', '2.7.0', 'STAGE_STARTED', 1, %d, 'stage 1', now(), now())"""
                    .formatted(running.stageCount()));
        }
        releaseSystem = ReleaseApi.create(engine, null).start("127.0.0.1", 0);
        ApiServer.Components components = ApiServer.Components.of(db.dataSource()).withReleaseSystem(
                new SimulatorReleaseSystem("http://127.0.0.1:" + releaseSystem.port(), null, Duration.ofSeconds(5)));
        viewer = components.tokens().create("e2e-viewer", Role.VIEWER).token();
        operator = components.tokens().create("e2e-operator", Role.OPERATOR).token();
        api = ApiServer.create(components).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        api.stop();
        releaseSystem.stop();
        db.close();
    }

    @Test
    void viewersReadReleasesVerdictsAndInstancesAndOperatorsPauseThroughTheReleaseSystem() throws Exception {
        Process p = new ProcessBuilder(List.of("node", HOME.resolve("ui/e2e/releases.e2e.mjs").toString(),
                "--url", "http://127.0.0.1:" + api.port(), "--viewer", viewer, "--operator", operator,
                "--expect", "rel-bad,rel-good,rel-e2e", "--failed", "rel-bad", "--suspect", "rel-good",
                "--active", "rel-e2e", "--timeout-ms", "120000",
                "--screenshot", HOME.resolve("api-server/target/e2e-releases.png").toString()))
                .directory(HOME.toFile()).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("the browser test finished").isTrue();
        String out = output.get(10, TimeUnit.SECONDS);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("E2E OK releases=3");

        ReleaseView paused = engine.get("rel-e2e").orElseThrow();
        assertThat(paused.state()).isEqualTo(ReleaseState.PAUSED);
        assertThat(paused.reason()).isEqualTo("paused by e2e-operator (operator): e2e hold");
    }

    private static String read(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "cannot read the browser test's output: " + e;
        }
    }
}
