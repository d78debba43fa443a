package io.nightwatch.api.releases;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the release routes. */
public final class ReleaseViews {

    private ReleaseViews() {}

    /** A release in the list (suspect: some instance alerted soon after the release changed it). */
    public record ReleaseSummary(String id, String service, String version, String fromVersion, String status,
            int stage, int stageCount, String reason, boolean suspect, Instant createdAt, Instant updatedAt) {}

    /** A release with its stages, their verdicts per metric, its history, commands, suspicions and escalations. */
    public record ReleaseDetail(ReleaseSummary release, List<Stage> stages, List<Event> events,
            List<Command> commands, List<Suspicion> suspicions, List<Escalation> escalations,
            List<Instance> instances) {}

    /** A stage: as the release system ran it and as the judge saw it. */
    public record Stage(int stage, String status, List<String> canaryInstances, List<String> baselineInstances,
            List<String> doneInstances, long analysisWindowSeconds, Double passThreshold, Double marginalThreshold,
            Instant startedAt, Instant endedAt, String verdict, Double score, String verdictReason,
            Instant windowStart, Instant windowEnd, Instant judgedAt, JsonNode groupScores, List<MetricVerdict> metrics) {}

    /** One metric's classification at a stage with the statistics behind it. */
    public record MetricVerdict(String metric, String classification, boolean critical, String decidedBy,
            int canaryCount, int baselineCount, String reason, List<String> groups, boolean muted,
            JsonNode statistics) {}

    /** One event of the release's history. */
    public record Event(String eventId, String status, int stage, String reason, Instant at) {}

    /** A command issued about the release, and what became of it. */
    public record Command(String commandId, String action, String target, String status, String reason,
            String result, String issuedBy, Instant createdAt, Instant updatedAt) {}

    /** An alert soon after a version change. */
    public record Suspicion(String instance, String alertName, String severity, String alertFingerprint,
            Instant versionChangedAt, Instant alertAt, String reason) {}

    /** An escalation to a human (an ESCALATED incident event about the release). */
    public record Escalation(String eventId, String incidentId, String title, String severity, Instant at) {}

    /** An instance and the version it runs. */
    public record Instance(String service, String instance, String version, String release, Instant versionSince,
            Instant updatedAt) {}
}
