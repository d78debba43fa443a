package io.nightwatch.functions.incidents.muting;

import static io.nightwatch.functions.incidents.TestAlerts.BEGINNING;
import static io.nightwatch.functions.incidents.TestAlerts.MINUTE;
import static io.nightwatch.functions.incidents.TestAlerts.SECOND;
import static io.nightwatch.functions.incidents.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.config.IncidentsConfigParser;
import io.nightwatch.functions.incidents.config.InhibitRule;
import io.nightwatch.functions.incidents.model.AlertInstance;
import java.util.List;
import org.junit.jupiter.api.Test;

class InhibitionIndexTest {

    private static List<InhibitRule> rules(String yaml) {
        return IncidentsConfigParser.parse("route: {receiver: r}\ninhibit_rules:\n" + yaml, "t").inhibitRules();
    }

    private final InhibitionIndex index = new InhibitionIndex(rules("""
              - source_matchers: [severity="critical"]
                target_matchers: [severity="warning"]
                equal: [service, cluster]
            """));

    @Test
    void aFiringSourceMutesTargetsWithTheSameEqualLabels() {
        AlertInstance source = alert("alertname=Down", "severity=critical", "service=a", "cluster=c1").build();
        index.put(source);
        AlertInstance sameService = alert("alertname=Slow", "severity=warning", "service=a", "cluster=c1").build();
        AlertInstance otherService = alert("alertname=Slow", "severity=warning", "service=b", "cluster=c1").build();
        AlertInstance notATarget = alert("alertname=Slow", "severity=info", "service=a", "cluster=c1").build();
        assertThat(index.inhibitedBy(sameService, BEGINNING)).isEqualTo(source.fingerprint());
        assertThat(index.inhibitedBy(otherService, BEGINNING)).isNull();
        assertThat(index.inhibitedBy(notATarget, BEGINNING)).isNull();
    }

    @Test
    void aMissingEqualLabelEqualsAMissingLabel() {
        index.put(alert("alertname=Down", "severity=critical", "service=a").build());
        assertThat(index.inhibitedBy(alert("alertname=Slow", "severity=warning", "service=a").build(), BEGINNING)).isNotNull();
        assertThat(index.inhibitedBy(alert("alertname=Slow", "severity=warning", "service=a", "cluster=c1").build(), BEGINNING)).isNull();
    }

    @Test
    void aResolvedSourceMutesNothing() {
        index.put(alert("severity=critical", "service=a").at(BEGINNING).endsAt(BEGINNING + MINUTE).build());
        AlertInstance target = alert("severity=warning", "service=a").at(BEGINNING).build();
        assertThat(index.inhibitedBy(target, BEGINNING + MINUTE - 1)).isNotNull();
        assertThat(index.inhibitedBy(target, BEGINNING + MINUTE)).isNull();
    }

    @Test
    void aSourceIngestedAfterTheFlushTimeDoesNotMuteThatFlush() {
        index.put(alert("severity=critical", "service=a").at(BEGINNING + SECOND).build());
        AlertInstance target = alert("severity=warning", "service=a").at(BEGINNING).build();
        assertThat(index.inhibitedBy(target, BEGINNING)).isNull();
        assertThat(index.inhibitedBy(target, BEGINNING + SECOND)).isNotNull();
    }

    @Test
    void anAlertMatchingBothSidesIsNotInhibitedByItselfOrByPeersMatchingBothSides() {
        InhibitionIndex both = new InhibitionIndex(rules("""
                  - source_matchers: [alertname="Noisy"]
                    target_matchers: [alertname="Noisy"]
                    equal: [service]
                """));
        AlertInstance self = alert("alertname=Noisy", "service=a", "instance=1").build();
        AlertInstance peer = alert("alertname=Noisy", "service=a", "instance=2").build();
        both.put(self);
        both.put(peer);
        assertThat(both.inhibitedBy(self, BEGINNING)).isNull();
        assertThat(both.inhibitedBy(peer, BEGINNING)).isNull();
    }

    @Test
    void aTwoSidedTargetIsInhibitedByASourceThatIsNotATarget() {
        InhibitionIndex idx = new InhibitionIndex(rules("""
                  - source_matchers: [severity=~"critical|warning"]
                    target_matchers: [severity="warning"]
                    equal: [service]
                """));
        AlertInstance critical = alert("severity=critical", "service=a").build();
        AlertInstance warning = alert("severity=warning", "service=a").build();
        idx.put(warning);
        assertThat(idx.inhibitedBy(warning, BEGINNING)).isNull();
        idx.put(critical);
        assertThat(idx.inhibitedBy(warning, BEGINNING)).isEqualTo(critical.fingerprint());
    }

    @Test
    void pruningForgetsResolvedSourcesAndOldVersions() {
        AlertInstance v1 = alert("severity=critical", "service=a").at(BEGINNING).build();
        AlertInstance v2 = alert("severity=critical", "service=a").at(BEGINNING + MINUTE).build();
        index.put(v1);
        index.put(v2);
        assertThat(index.versions(v1.fingerprint()).versions).hasSize(2);
        InhibitionIndex.Pruned p = index.prune(BEGINNING + MINUTE);
        assertThat(p.changed()).containsExactly(v1.fingerprint());
        assertThat(index.versions(v1.fingerprint()).versions).hasSize(1);
        p = index.prune(BEGINNING + 6 * MINUTE);
        assertThat(p.removed()).containsExactly(v1.fingerprint());
        assertThat(index.isEmpty()).isTrue();
        assertThat(index.inhibitedBy(alert("severity=warning", "service=a").build(), BEGINNING + MINUTE)).isNull();
    }
}
