package io.nightwatch.functions.incidents;

import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.schemas.Alert;
import java.util.HashMap;
import java.util.Map;

/** Builders of test alerts: {@code alert("alertname=A", "service=s1").at(BEGINNING).build()}. */
public final class TestAlerts {

    /** The start of every test timeline (epoch ms). */
    public static final long BEGINNING = 1_700_000_000_000L;
    public static final long SECOND = 1000;
    public static final long MINUTE = 60 * SECOND;

    private TestAlerts() {}

    public static Builder alert(String... labels) {
        return new Builder(labels(labels));
    }

    public static Map<String, String> labels(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            m.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return m;
    }

    /** A fluent alert builder; by default it starts when received and times out 5 minutes later. */
    public static final class Builder {
        private final Map<String, String> labels;
        private final Map<String, String> annotations = new HashMap<>();
        private long receivedAt = BEGINNING;
        private Long startsAt;
        private Long endsAt;

        Builder(Map<String, String> labels) {
            this.labels = labels;
        }

        public Builder at(long t) {
            this.receivedAt = t;
            return this;
        }

        public Builder startsAt(long t) {
            this.startsAt = t;
            return this;
        }

        public Builder endsAt(long t) {
            this.endsAt = t;
            return this;
        }

        public Builder annotation(String name, String value) {
            annotations.put(name, value);
            return this;
        }

        public AlertInstance build() {
            long s = startsAt == null ? receivedAt : startsAt;
            boolean timeout = endsAt == null;
            long e = endsAt == null ? receivedAt + 5 * MINUTE : endsAt;
            return new AlertInstance(Alert.fingerprintOf(labels), labels, annotations, s, e, timeout, receivedAt, "test", null);
        }
    }
}
