package io.nightwatch.functions.incidents.config;

import static io.nightwatch.functions.incidents.TestAlerts.labels;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTreeTest {

    private final RouteTree tree = IncidentsConfigParser.parse(IncidentsConfigParserTest.ALERTMANAGER_FILE, "t").routes();

    private String routesOf(String... labels) {
        return tree.match(labels(labels)).stream().map(Route::receiver).toList().toString();
    }

    @Test
    void stopsAtTheFirstMatchingChildUnlessItContinues() {
        assertThat(routesOf("team=db", "x=a", "severity=critical")).isEqualTo("[db]");
        assertThat(routesOf("team=db", "x=ab", "severity=critical")).isEqualTo("[pager, all]");
        assertThat(routesOf("severity=critical", "service=payments")).isEqualTo("[pager, all]");
        assertThat(routesOf("severity=warning")).isEqualTo("[all]");
    }

    @Test
    void fallsBackToTheParentWhenNoChildMatches() {
        RouteTree t = IncidentsConfigParser.parse("""
                route:
                  receiver: root
                  routes: [{matchers: ['a="1"'], receiver: one}]
                """, "t").routes();
        assertThat(t.match(labels("a=2"))).extracting(Route::receiver).containsExactly("root");
        assertThat(t.match(labels("a=1"))).extracting(Route::receiver).containsExactly("one");
    }

    @Test
    void buildsAlertmanagersGroupKeysFromTheGroupByLabelsTheAlertHas() {
        Route db = tree.routes().get(1);
        Map<String, String> l = db.groupLabels(labels("alertname=B", "team=db", "x=a"));
        assertThat(db.groupKey(l)).isEqualTo("{}/{team=\"db\",x=~\"a|b\"}:{alertname=\"B\"}");
        Route root = tree.root();
        Map<String, String> rl = root.groupLabels(labels("alertname=C", "service=s2", "team=db"));
        assertThat(root.groupKey(rl)).isEqualTo("{}:{alertname=\"C\", service=\"s2\"}");
        Route all = tree.routes().get(4);
        assertThat(all.groupLabels(labels("a=1", "b=2"))).isEqualTo(labels("a=1", "b=2"));
    }

    @Test
    void quotesGroupLabelValuesLikeGo() {
        assertThat(LabelSets.toString(labels("a=say \"x\"", "b=c\\d"))).isEqualTo("{a=\"say \\\"x\\\"\", b=\"c\\\\d\"}");
    }
}
