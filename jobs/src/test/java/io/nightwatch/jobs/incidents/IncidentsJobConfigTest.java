package io.nightwatch.jobs.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightwatch.functions.incidents.config.ConvergeFunction;
import io.nightwatch.functions.incidents.config.Route;
import io.nightwatch.jobs.config.ConfigException;
import io.nightwatch.jobs.config.JobArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentsJobConfigTest {

    private static final String[] REQUIRED = {"--bootstrap-servers", "localhost:9092", "--jdbc-url", "jdbc:postgresql://db/nw"};

    @TempDir
    Path dir;

    private static JobArgs args(String... extra) {
        String[] all = new String[REQUIRED.length + extra.length];
        System.arraycopy(REQUIRED, 0, all, 0, REQUIRED.length);
        System.arraycopy(extra, 0, all, REQUIRED.length, extra.length);
        return JobArgs.of(all);
    }

    @Test
    void withoutAConfigFileTheJobGroupsByAlertnameAndServiceWithAlertmanagersDefaultWaits() {
        IncidentsJobConfig c = IncidentsJobConfig.fromArgs(args());
        Route root = c.incidents().routes().root();
        assertThat(root.groupBy()).containsExactly("alertname", "service");
        assertThat(root.groupWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(root.groupInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(root.repeatInterval()).isEqualTo(Duration.ofHours(4));
        assertThat(c.alertsTopic()).isEqualTo("nw.alerts");
        assertThat(c.incidentsTopic()).isEqualTo("nw.incidents");
        assertThat(c.outOfOrderness()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.idleAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theDemoConfigurationGroupsDependencyAlertsByTheirDependencyAndCollectsAStorm() {
        Path file = DemoIncidentsConfig.write(dir.resolve("demo.yml"));
        IncidentsJobConfig c = IncidentsJobConfig.fromArgs(args("--config", file.toString()));
        Map<String, String> storm = Map.of("alertname", "HighLatency", "service", "checkout", "dependency", "orders-db");
        List<Route> routes = c.incidents().routes().match(storm);
        assertThat(routes).singleElement().satisfies(r -> {
            assertThat(r.groupBy()).containsExactly("alertname", "service", "dependency");
            assertThat(r.groupWait()).isEqualTo(Duration.ofSeconds(10));
            assertThat(r.receiver()).isEqualTo("ops");
        });
        assertThat(c.incidents().routes().match(Map.of("alertname", "X", "service", "s")))
                .singleElement().satisfies(r -> assertThat(r.groupBy()).containsExactly("alertname", "service"));
        assertThat(c.incidents().convergenceFor(storm)).satisfies(rule -> {
            assertThat(rule.name()).isEqualTo("dependency-storm");
            assertThat(rule.function()).isEqualTo(ConvergeFunction.COLLECT);
            assertThat(rule.count()).isEqualTo(2);
        });
    }

    @Test
    void aBadConfigFileStopsTheJobWithWhereAndWhat() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yml"), """
                route:
                  receiver: ops
                  routes:
                    - matchers: ['team="db"']
                      group_wait: 10 seconds
                receivers: [{name: ops}]
                """);
        assertThatThrownBy(() -> IncidentsJobConfig.fromArgs(args("--config", bad.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--config: " + bad + ": route.routes[0].group_wait: not a duration (e.g. 30s, 5m, 1h30m, 2d): 10 seconds");
        Path missing = dir.resolve("nope.yml");
        assertThatThrownBy(() -> IncidentsJobConfig.fromArgs(args("--config", missing.toString())))
                .isInstanceOf(ConfigException.class).hasMessage("--config: " + missing + ": no such file");
        Path unknownReceiver = Files.writeString(dir.resolve("recv.yml"), "route: {receiver: pager}\nreceivers: [{name: ops}]\n");
        assertThatThrownBy(() -> IncidentsJobConfig.fromArgs(args("--config", unknownReceiver.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("pager");
    }
}
