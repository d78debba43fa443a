package io.nightwatch.functions.incidents.muting;

import io.nightwatch.functions.incidents.config.LabelMatcher;
import io.nightwatch.functions.incidents.config.MatchType;
import io.nightwatch.functions.incidents.config.Matchers;
import io.nightwatch.schemas.Matcher;
import io.nightwatch.schemas.Silence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A silence ready to match: its compiled matchers and its active window [startsAt, endsAt] in epoch ms. */
public record CompiledSilence(String id, Matchers matchers, long startsAt, long endsAt) {

    /** Compiles a silence; an invalid one raises {@link io.nightwatch.functions.incidents.config.InvalidConfigException}. */
    public static CompiledSilence of(Silence s) {
        List<LabelMatcher> ms = new ArrayList<>();
        for (Matcher m : s.matchers()) {
            ms.add(LabelMatcher.of(m.name(), MatchType.of(m.isRegex(), m.isEqual()), m.value()));
        }
        return new CompiledSilence(s.id(), Matchers.of(ms), s.startsAt().toEpochMilli(), s.endsAt().toEpochMilli());
    }

    /** Active as Alertmanager counts it: started and not yet ended ({@code startsAt <= t <= endsAt}). */
    public boolean activeAt(long t) {
        return startsAt <= t && t <= endsAt;
    }

    public boolean mutes(Map<String, String> labels, long t) {
        return activeAt(t) && matchers.matches(labels);
    }

    /** An equality matcher that every muted alert must satisfy (used to index the silence), or null. */
    LabelMatcher indexMatcher() {
        for (LabelMatcher m : matchers.list()) {
            if (m.type() == MatchType.EQUAL && !m.value().isEmpty()) {
                return m;
            }
        }
        return null;
    }
}
