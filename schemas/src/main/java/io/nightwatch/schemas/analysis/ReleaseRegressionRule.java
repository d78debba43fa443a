package io.nightwatch.schemas.analysis;

import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.ReleaseContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Only instances that run the release's new version are abnormal (none of the baseline), and the release is active
 * or changed them shortly before the first signal: the release is the cause, roll it back. For a finished release
 * the decision is still a rollback; the guard records "rollback not supported" and escalates.
 */
public final class ReleaseRegressionRule implements BuiltinRule {

    /** How soon after a finished release's change a signal still points at the release. */
    public static final Duration RECENT = Duration.ofMinutes(60);

    @Override
    public String name() {
        return "release-regression";
    }

    @Override
    public RuleVerdict evaluate(AnalysisRequest request, IncidentSignals signals) {
        ReleaseContext release = request.release();
        if (release == null || Text.blank(release.release())) {
            return RuleVerdict.noMatch("no release context");
        }
        SortedSet<String> affected = signals.affectedInstances();
        if (affected.isEmpty()) {
            return RuleVerdict.noMatch("no abnormal instance (only service-level signals)");
        }
        SortedSet<String> onNewVersion = new TreeSet<>(release.canaryInstances());
        onNewVersion.addAll(release.doneInstances());
        SortedSet<String> releaseHits = intersect(affected, onNewVersion);
        SortedSet<String> baselineHits = intersect(affected, new TreeSet<>(release.baselineInstances()));
        if (releaseHits.isEmpty()) {
            return RuleVerdict.noMatch("abnormal instances " + Text.list(affected) + " do not run "
                    + release.release() + "'s version");
        }
        if (!baselineHits.isEmpty()) {
            return RuleVerdict.noMatch("baseline instances " + Text.list(baselineHits) + " (old version) are abnormal too");
        }
        boolean recent = release.changedAt() != null && signals.firstSignalAt() != null
                && !signals.firstSignalAt().isBefore(release.changedAt())
                && Duration.between(release.changedAt(), signals.firstSignalAt()).compareTo(RECENT) <= 0;
        if (!release.active() && !recent) {
            return RuleVerdict.noMatch("release " + release.release() + " is " + release.status()
                    + " and did not change the instances within " + RECENT.toMinutes() + " min before the first signal");
        }
        boolean onlyCanaries = release.canaryInstances().containsAll(affected);
        double confidence = release.active() ? (onlyCanaries ? 0.9 : 0.8) : 0.6;
        String stage = "stage " + release.stage() + "/" + release.stageCount();
        String rootCause = "release " + release.release() + " (" + release.version() + ") regressed on "
                + Text.list(releaseHits) + (release.active() ? ", still at " + stage : ", finished (" + release.status() + ")");
        List<String> evidence = new ArrayList<>();
        evidence.add(Text.list(releaseHits) + (releaseHits.size() == 1 ? " runs " : " run ") + release.version() + " of " + release.release() + " (" + stage
                + "); no baseline instance (" + Text.list(release.baselineInstances()) + ") is abnormal");
        if (release.changedAt() != null && signals.firstSignalAt() != null) {
            evidence.add("first signal at " + signals.firstSignalAt() + ", "
                    + Duration.between(release.changedAt(), signals.firstSignalAt()).toMinutes()
                    + " min after the instances changed version");
        }
        evidence.addAll(SignalEvidence.lines(signals));
        String reason = release.active()
                ? "only instances running " + release.version() + " are abnormal and the release is still active"
                : "instances running " + release.version() + " turned abnormal soon after the release; it has finished,"
                        + " so rolling back needs a human";
        return RuleVerdict.decide("abnormal: " + Text.list(affected) + "; all run the new version", rootCause,
                confidence, evidence, new AnalysisDecision(AnalysisAction.ROLLBACK_RELEASE, release.release(), Map.of(), reason));
    }

    private static SortedSet<String> intersect(SortedSet<String> a, SortedSet<String> b) {
        SortedSet<String> out = new TreeSet<>(a);
        out.retainAll(b);
        return out;
    }
}
