package io.nightwatch.functions.incidents.config;

import static io.nightwatch.functions.incidents.TestAlerts.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentsConfigParserTest {

    static final String ALERTMANAGER_FILE = """
            global:
              resolve_timeout: 2m
              smtp_smarthost: localhost:25
            route:
              receiver: default
              group_by: [alertname, cluster, service]
              group_wait: 10s
              group_interval: 1m
              repeat_interval: 2h
              routes:
                - matchers: ['team="db"', 'x=~"a|b"']
                  receiver: db
                  group_by: [alertname]
                  group_wait: 5s
                - match: {severity: critical}
                  receiver: pager
                  continue: true
                  routes:
                    - match_re: {service: "pay.*"}
                - receiver: all
                  group_by: ['...']
            inhibit_rules:
              - source_matchers: [severity="critical"]
                target_matchers: [severity="warning"]
                equal: [alertname, cluster]
              - source_match: {alertname: NodeDown}
                target_match_re: {alertname: "Instance.*"}
                equal: [instance]
            receivers:
              - name: default
                webhook_configs: [{url: "http://example/hook"}]
              - name: db
              - name: pager
              - name: all
            templates: ['/etc/alertmanager/*.tmpl']
            """;

    @Test
    void readsAnAlertmanagerFileWithInheritanceAndAlertmanagersRouteKeys() {
        IncidentsConfig c = IncidentsConfigParser.parse(ALERTMANAGER_FILE, "test.yml");
        assertThat(c.resolveTimeout()).isEqualTo(Duration.ofMinutes(2));
        List<Route> routes = c.routes().routes();
        assertThat(routes).extracting(Route::key).containsExactly(
                "{}", "{}/{team=\"db\",x=~\"a|b\"}", "{}/{severity=\"critical\"}",
                "{}/{severity=\"critical\"}/{service=~\"pay.*\"}", "{}/{}");
        assertThat(routes).extracting(Route::receiver).containsExactly("default", "db", "pager", "pager", "all");
        Route db = routes.get(1);
        assertThat(db.groupBy()).containsExactly("alertname");
        assertThat(db.groupWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(db.groupInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(db.repeatInterval()).isEqualTo(Duration.ofHours(2));
        Route payments = routes.get(3);
        assertThat(payments.groupBy()).containsExactly("alertname", "cluster", "service");
        assertThat(payments.groupWait()).isEqualTo(Duration.ofSeconds(10));
        assertThat(routes.get(4).groupByAll()).isTrue();
        assertThat(c.inhibitRules()).hasSize(2);
        assertThat(c.inhibitRules().get(1).source().toString()).isEqualTo("{alertname=\"NodeDown\"}");
        assertThat(c.inhibitRules().get(1).target().toString()).isEqualTo("{alertname=~\"Instance.*\"}");
        assertThat(c.convergence()).isEmpty();
    }

    @Test
    void usesAlertmanagersDefaultsWhenTimingsAreUnset() {
        IncidentsConfig c = IncidentsConfigParser.parse("route: {receiver: r}", "x");
        Route root = c.routes().root();
        assertThat(root.groupWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(root.groupInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(root.repeatInterval()).isEqualTo(Duration.ofHours(4));
        assertThat(c.resolveTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(root.groupBy()).isEmpty();
        assertThat(root.groupKey(root.groupLabels(labels("a=1")))).isEqualTo("{}:{}");
    }

    @Test
    void readsTheNightwatchSection() {
        IncidentsConfig c = IncidentsConfigParser.parse("""
                route: {receiver: r}
                nightwatch:
                  convergence:
                    - name: storm
                      matchers: ['dependency=~".+"']
                      dimensions: [dependency]
                      window: 10m
                      count: 2
                      function: collect
                    - name: hold-db
                      dimensions: [service]
                      function: defense
                      approval_timeout: 15m
                  priority:
                    order: [p1, p2]
                    batch_delay: 50ms
                """, "x");
        assertThat(c.convergence()).extracting(ConvergenceRule::name).containsExactly("storm", "hold-db");
        ConvergenceRule storm = c.convergence().get(0);
        assertThat(storm.function()).isEqualTo(ConvergeFunction.COLLECT);
        assertThat(storm.window()).isEqualTo(Duration.ofMinutes(10));
        assertThat(storm.count()).isEqualTo(2);
        assertThat(storm.keyOf(labels("dependency=db-1", "service=x"))).isEqualTo("storm|dependency=db-1");
        assertThat(c.convergenceFor(labels("service=x")).name()).isEqualTo("hold-db");
        assertThat(c.convergence().get(1).approvalTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.priority().rankOfValue("p2")).isEqualTo(1);
        assertThat(c.priority().rankOfValue("other")).isEqualTo(2);
        assertThat(c.priority().batchDelay()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void namesThePathOfEveryMistake() {
        assertBad("route: {receiver: r, group_wait: 5x}", "f.yml: route.group_wait: not a duration (e.g. 30s, 5m, 1h30m, 2d): 5x");
        assertBad("route: {receiver: r, routes: [{group_interval: 0}]}", "f.yml: route.routes[0].group_interval: cannot be zero");
        assertBad("route: {receiver: r, routes: [{matchers: ['a=~\"(\"']}]}", "f.yml: route.routes[0].matchers[0]: matcher a=~\"(\": invalid regular expression");
        assertBad("route: {group_by: [a]}", "f.yml: route.receiver: the root route needs a receiver");
        assertBad("route: {receiver: r, matchers: ['a=\"b\"']}", "f.yml: route: the root route must not have matchers");
        assertBad("route: {receiver: r, grup_by: [a]}", "f.yml: route.grup_by: unknown setting; known here:");
        assertBad("route: {receiver: x}\nreceivers: [{name: r}]", "f.yml: route.receiver: no receiver named 'x' in receivers");
        assertBad("route: {receiver: r, group_by: ['...', a]}", "f.yml: route.group_by: '...' groups by every label");
        assertBad("route: {receiver: r}\ninhibit_rules: [{equal: [1x]}]", "f.yml: inhibit_rules[0].equal[0]: not a valid label name: '1x'");
        assertBad("route: {receiver: r}\nnightwatch: {convergence: [{dimensions: [a], function: merge}]}",
                "f.yml: nightwatch.convergence[0].function: unknown convergence function 'merge'");
        assertBad("route: {receiver: r}\nnightwatch: {convergence: [{function: collect}]}",
                "f.yml: nightwatch.convergence[0].dimensions: expected a non-empty list");
        assertBad("route: {receiver: r, routes: [{mute_time_intervals: [night]}]}",
                "f.yml: route.routes[0].mute_time_intervals: time intervals are not supported");
        assertBad("route: [", "f.yml: not valid YAML or JSON");
        assertBad("receivers: []", "f.yml: route: missing");
    }

    @Test
    void reportsAMissingFile() {
        assertThatThrownBy(() -> IncidentsConfigParser.parseFile(Path.of("/no/such/nightwatch.yml")))
                .hasMessage("/no/such/nightwatch.yml: no such file");
    }

    @Test
    void acceptsJsonToo() {
        IncidentsConfig c = IncidentsConfigParser.parse("{\"route\": {\"receiver\": \"r\", \"group_by\": [\"a\"]}}", "x.json");
        assertThat(c.routes().root().groupBy()).containsExactly("a");
    }

    private static void assertBad(String text, String message) {
        assertThatThrownBy(() -> IncidentsConfigParser.parse(text, "f.yml"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith(message);
    }
}
