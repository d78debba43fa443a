package io.nightwatch.functions.canary.suspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.ReleaseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.operator.CepOperator;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** The CEP pattern: an alert from an instance within N minutes of its version change marks the release suspect. */
class SuspectPatternTest {

    private static final Instant CHANGED = Instant.parse("2026-11-22T05:40:00Z");
    private static final Duration N = Duration.ofMinutes(10);

    private static KeyedOneInputStreamOperatorTestHarness<String, InstanceSignal, Suspicion> harness() throws Exception {
        Pattern<InstanceSignal, InstanceSignal> pattern = SuspectPattern.within(N, Duration.ofMinutes(5));
        CepOperator<InstanceSignal, String, Suspicion> operator = new CepOperator<>(
                TypeInformation.of(InstanceSignal.class).createSerializer(new SerializerConfigImpl()), true,
                NFACompiler.compileFactory(pattern, false), null, pattern.getAfterMatchSkipStrategy(),
                new MarkSuspect(), null);
        var h = new KeyedOneInputStreamOperatorTestHarness<>(operator, new SuspectPattern.ByInstance(), Types.STRING);
        h.setProcessingTime(0);
        h.open();
        return h;
    }

    private static List<InstanceSignal> changes(ReleaseEvent e) {
        List<InstanceSignal> out = new ArrayList<>();
        new VersionChanges().flatMap(e, collector(out));
        return out;
    }

    private static List<InstanceSignal> alerts(Alert a, Set<String> severities) {
        List<InstanceSignal> out = new ArrayList<>();
        new InstanceAlerts(severities).flatMap(a, collector(out));
        return out;
    }

    private static <T> Collector<T> collector(List<T> out) {
        return new Collector<>() {
            @Override
            public void collect(T record) {
                out.add(record);
            }

            @Override
            public void close() {}
        };
    }

    private static ReleaseEvent stageStarted(List<String> canary) {
        return new ReleaseEvent("rel-1:2:STAGE_STARTED", "rel-1", "checkout", "1.5.0", "1.4.2", 1, 3,
                ReleaseStatus.STAGE_STARTED, canary, List.of("checkout-3"), List.of(), 60, 75, 50, null, CHANGED);
    }

    private static Alert alert(String instance, String severity, Instant at, AlertStatus status) {
        return new Alert(null, "simulator", "InstanceDegraded", severity, status, Map.of("alertname",
                "InstanceDegraded", "service", "checkout", "instance", instance, "severity", severity), Map.of(), at,
                null, null);
    }

    private static void feed(KeyedOneInputStreamOperatorTestHarness<String, InstanceSignal, Suspicion> h,
            List<InstanceSignal> signals) throws Exception {
        for (InstanceSignal s : signals) {
            h.processElement(new StreamRecord<>(s));
        }
    }

    @Test
    void anAlertSoonAfterTheVersionChangeMarksTheReleaseSuspectOnce() throws Exception {
        try (var h = harness()) {
            feed(h, changes(stageStarted(List.of("checkout-1", "checkout-2"))));
            Alert degraded = alert("checkout-2", "critical", CHANGED.plusSeconds(125), AlertStatus.FIRING);
            feed(h, alerts(degraded, Set.of("critical")));
            feed(h, alerts(alert("checkout-2", "critical", CHANGED.plusSeconds(200), AlertStatus.FIRING), Set.of()));

            assertThat(h.extractOutputValues()).containsExactly(new Suspicion("rel-1", "checkout", "checkout-2", "1.5.0",
                    CHANGED, "InstanceDegraded", degraded.fingerprint(), "critical", CHANGED.plusSeconds(125),
                    "checkout-2 raised InstanceDegraded (critical) 2m05s after release rel-1 changed it to 1.5.0"));
        }
    }

    @Test
    void alertsTooLateOnOtherInstancesOfOtherSeveritiesOrResolvedDoNotCount() throws Exception {
        try (var h = harness()) {
            feed(h, changes(stageStarted(List.of("checkout-1"))));
            feed(h, alerts(alert("checkout-1", "critical", CHANGED.plus(N).plusSeconds(1), AlertStatus.FIRING), Set.of()));
            feed(h, alerts(alert("checkout-3", "critical", CHANGED.plusSeconds(30), AlertStatus.FIRING), Set.of()));
            feed(h, alerts(alert("checkout-1", "warning", CHANGED.plusSeconds(30), AlertStatus.FIRING), Set.of("critical")));
            feed(h, alerts(alert("checkout-1", "critical", CHANGED.plusSeconds(30), AlertStatus.RESOLVED), Set.of()));
            feed(h, alerts(alert("checkout-1", "critical", CHANGED.minusSeconds(30), AlertStatus.FIRING), Set.of()));
            assertThat(h.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void partialMatchesExpireSoStateIsBounded() throws Exception {
        try (var h = harness()) {
            feed(h, changes(stageStarted(List.of("checkout-1"))));
            h.setProcessingTime(N.plusMinutes(6).toMillis());
            feed(h, alerts(alert("checkout-1", "critical", CHANGED.plusSeconds(60), AlertStatus.FIRING), Set.of()));
            assertThat(h.extractOutputValues()).isEmpty();
        }
    }
}
