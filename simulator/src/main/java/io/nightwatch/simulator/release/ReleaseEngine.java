package io.nightwatch.simulator.release;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AlertStatus;
import io.nightwatch.schemas.CanaryOutcome;
import io.nightwatch.schemas.CanaryVerdict;
import io.nightwatch.schemas.CommandOutcome;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.ReleaseEvent;
import io.nightwatch.schemas.ReleaseStatus;
import io.nightwatch.simulator.fleet.Fleet;
import io.nightwatch.simulator.fleet.SimulatedInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release system's brain: runs releases stage by stage over a {@link Fleet}, switching canary instances to the
 * new version (with the version's fault), moving on when the canary verdict of a stage is PASS, pausing when none
 * comes in time, and obeying healing commands (roll back, pause) once per command id. Everything it has to tell
 * goes to an {@link Outbox}. Time comes from the clock; {@link #tick()} moves releases whose time has come.
 * Thread-safe: every method is synchronized.
 */
public final class ReleaseEngine {

    /** Who answers commands (the {@code executor} of every {@link CommandResult}). */
    public static final String EXECUTOR = "release-system";
    /** The answer to a rollback of a release that already completed. */
    public static final String ROLLBACK_OF_COMPLETED = "rollback not supported for a completed release";
    /** The name of the alert an injected fault raises. */
    public static final String FAULT_ALERT = "InstanceDegraded";

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseEngine.class);

    /**
     * @param verdictTimeout how long after a stage's window the engine waits for its canary verdict before pausing
     * @param rememberedCommands how many executed command ids are remembered (to answer repeats as DUPLICATE)
     */
    public record Settings(Duration verdictTimeout, int rememberedCommands) {

        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(2), 10_000);
        }
    }

    private final Fleet fleet;
    private final Clock clock;
    private final Outbox outbox;
    private final Settings settings;
    private final Map<String, ReleaseRun> releases = new LinkedHashMap<>();
    private final Map<String, CommandResult> executed;
    private final Map<String, String> releaseOfInstance = new HashMap<>();
    private final Map<String, Instant> versionSince = new HashMap<>();
    private final Map<String, FaultProfile> injected = new HashMap<>();
    private final Map<String, Instant> injectedAt = new HashMap<>();

    public ReleaseEngine(Fleet fleet, Clock clock, Outbox outbox, Settings settings) {
        this.fleet = fleet;
        this.clock = clock;
        this.outbox = outbox;
        this.settings = settings;
        int capacity = settings.rememberedCommands();
        this.executed = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CommandResult> eldest) {
                return size() > capacity;
            }
        };
    }

    // ---- the API's operations -------------------------------------------------------------------------------

    /** Plans a release (generated or explicit strategy) and starts it now or schedules it; idempotent on its id. */
    public synchronized ReleaseView create(ReleaseRequest request) {
        Instant now = clock.instant();
        if (request.id() != null && releases.containsKey(request.id())) {
            ReleaseRun existing = releases.get(request.id());
            if (existing.request.equals(request)) {
                return existing.view();
            }
            throw new ReleaseConflict("release id '" + request.id() + "' is taken by another release");
        }
        List<SimulatedInstance> members = fleet.instances().stream()
                .filter(i -> i.service().name().equals(request.service()))
                .sorted(Comparator.comparing(SimulatedInstance::name, Comparator.comparingInt(String::length)
                        .thenComparing(Comparator.naturalOrder())))
                .toList();
        if (members.isEmpty()) {
            throw new ReleaseRejected("service: no service named '" + request.service() + "'; known: "
                    + fleet.services());
        }
        for (ReleaseRun r : releases.values()) {
            if (r.service.equals(request.service()) && r.state.active()) {
                throw new ReleaseConflict("service " + request.service() + " already has an active release " + r.id
                        + " (" + r.state + "); pause, cancel or finish it first");
            }
        }
        String fromVersion = commonVersion(members);
        if (fromVersion.equals(request.version())) {
            throw new ReleaseRejected("version: every instance of " + request.service() + " already runs "
                    + request.version());
        }
        Risk risk = request.risk();
        Duration window = request.analysisWindowSeconds() == null ? risk.defaultWindow()
                : Duration.ofSeconds(request.analysisWindowSeconds());
        Duration bake = request.bakeSeconds() == null ? Duration.ofSeconds(Math.max(1, window.toSeconds() / 2))
                : Duration.ofSeconds(request.bakeSeconds());
        GrayStrategy.Defaults defaults = new GrayStrategy.Defaults(window, bake,
                request.passThreshold() == null ? risk.passThreshold() : request.passThreshold(),
                request.marginalThreshold() == null ? risk.marginalThreshold() : request.marginalThreshold());
        List<StagePlan> plan = request.stages() == null
                ? GrayStrategy.generate(members.size(), risk, defaults)
                : GrayStrategy.explicit(members.size(), request.stages(), defaults);
        String id = request.id() != null ? request.id() : newId(request.service(), now);
        Instant startAt = request.startAt() == null || request.startAt().isBefore(now) ? now : request.startAt();
        ReleaseRun run = new ReleaseRun(id, fromVersion, request, plan,
                members.stream().map(SimulatedInstance::name).toList(), now, startAt);
        run.reason = request.reason();
        releases.put(id, run);
        emit(run, ReleaseStatus.SCHEDULED, request.reason() == null ? "scheduled for " + startAt : request.reason(),
                now);
        LOG.info("release {}: {} {} -> {} in {} stages {}", id, run.service, fromVersion, run.version, plan.size(),
                plan.stream().map(p -> p.instances() + (p.analyzed() ? "" : " (bake)")).toList());
        advance(run, now);
        return run.view();
    }

    /** Stops a release where it is until {@link #resume}; a scheduled release does not start meanwhile. */
    public synchronized ReleaseView pause(String id, String reason) {
        ReleaseRun run = find(id);
        if (run.state == ReleaseState.PAUSED) {
            return run.view();
        }
        if (!run.state.active()) {
            throw new ReleaseConflict("release " + id + " is " + run.state + ": cannot pause it");
        }
        pause(run, reason == null ? "paused by an operator" : reason, clock.instant());
        return run.view();
    }

    /**
     * Resumes a paused release. When the current stage's analysis window is over, resuming counts as a human's
     * approval and the release moves to its next stage (unless the stage's verdict was FAIL); otherwise the stage
     * goes on and its verdict is awaited again.
     */
    public synchronized ReleaseView resume(String id, String reason) {
        ReleaseRun run = find(id);
        if (run.state != ReleaseState.PAUSED) {
            throw new ReleaseConflict("release " + id + " is " + run.state + ", not PAUSED: nothing to resume");
        }
        StageRun stage = run.current();
        if (stage != null && stage.verdict == CanaryOutcome.FAIL) {
            throw new ReleaseConflict("stage " + stage.plan.stage() + " of release " + id
                    + " failed its canary analysis: roll it back or cancel it");
        }
        Instant now = clock.instant();
        run.state = run.pausedFrom == null ? ReleaseState.RUNNING : run.pausedFrom;
        run.pausedFrom = null;
        String why = reason == null ? "resumed by an operator" : reason;
        if (stage != null && stage.plan.analyzed() && !now.isBefore(stage.windowEnd())) {
            emit(run, ReleaseStatus.RESUMED, why + "; stage " + stage.plan.stage() + " approved ("
                    + (stage.verdict == null ? "no verdict" : stage.verdict) + ")", now);
            promote(run, now);
        } else {
            if (stage != null && stage.verdictDeadline != null) {
                Instant again = now.plus(settings.verdictTimeout());
                stage.verdictDeadline = stage.verdictDeadline.isAfter(again) ? stage.verdictDeadline : again;
            }
            emit(run, ReleaseStatus.RESUMED, why, now);
            advance(run, now);
        }
        return run.view();
    }

    /** Stops a release for good and puts its instances back on the old version. */
    public synchronized ReleaseView cancel(String id, String reason) {
        ReleaseRun run = find(id);
        if (!run.state.active()) {
            throw new ReleaseConflict("release " + id + " is " + run.state + ": cannot cancel it");
        }
        Instant now = clock.instant();
        revert(run, now);
        finish(run, ReleaseState.CANCELLED, ReleaseStatus.CANCELLED, reason == null ? "cancelled by an operator" : reason,
                now);
        return run.view();
    }

    /** Rolls a running or paused release back to the old version (a scheduled one is cancelled). */
    public synchronized ReleaseView rollback(String id, String reason) {
        ReleaseRun run = find(id);
        if (!run.state.active()) {
            throw new ReleaseConflict(run.state == ReleaseState.COMPLETED ? ROLLBACK_OF_COMPLETED
                    : "release " + id + " is " + run.state + ": nothing to roll back");
        }
        rollback(run, reason == null ? "rolled back by an operator" : reason, clock.instant());
        return run.view();
    }

    /** Injects a fault into one instance (its version unchanged); raises a firing alert for it when asked. */
    public synchronized InstanceView injectFault(String instance, FaultProfile fault, boolean raiseAlert) {
        SimulatedInstance current = instance(instance);
        Instant now = clock.instant();
        FaultProfile before = injected.get(instance);
        fleet.update(new SimulatedInstance(current.service(), current.name(), current.zone(), current.version(),
                fault.behaviour(), now.toEpochMilli()));
        if (fault.kind() == FaultKind.HEALTHY) {
            injected.remove(instance);
            Instant since = injectedAt.remove(instance);
            if (before != null) {
                outbox.alert(faultAlert(current, before, AlertStatus.RESOLVED, since == null ? now : since, now));
            }
        } else {
            injected.put(instance, fault);
            injectedAt.put(instance, now);
            if (raiseAlert) {
                outbox.alert(faultAlert(current, fault, AlertStatus.FIRING, now, null));
            }
        }
        LOG.info("instance {}: fault {}", instance, fault.describe());
        return instanceView(instance(instance));
    }

    public synchronized List<ReleaseView> list() {
        List<ReleaseView> out = new ArrayList<>();
        releases.values().forEach(r -> out.add(r.view()));
        out.sort(Comparator.comparing(ReleaseView::createdAt).reversed());
        return out;
    }

    public synchronized Optional<ReleaseView> get(String id) {
        return Optional.ofNullable(releases.get(id)).map(ReleaseRun::view);
    }

    /** Every instance (of one service, when given) with its version. */
    public synchronized List<InstanceView> instances(String service) {
        return fleet.instances().stream()
                .filter(i -> service == null || i.service().name().equals(service))
                .map(this::instanceView)
                .toList();
    }

    // ---- what arrives from Kafka ---------------------------------------------------------------------------

    /** Records a canary verdict; a PASS of the current stage moves the release on once the window is over. */
    public synchronized void onVerdict(CanaryVerdict verdict) {
        ReleaseRun run = releases.get(verdict.release());
        if (run == null || verdict.stage() < 1 || verdict.stage() > run.stages.size()) {
            LOG.debug("ignoring verdict {} of an unknown release or stage", verdict.verdictId());
            return;
        }
        StageRun stage = run.stages.get(verdict.stage() - 1);
        stage.verdict = verdict.outcome();
        stage.score = verdict.score();
        stage.verdictReason = verdict.reason();
        LOG.info("release {} stage {}: canary verdict {} (score {})", run.id, verdict.stage(), verdict.outcome(),
                verdict.score());
        advance(run, clock.instant());
    }

    /**
     * Executes a healing command once per command id and answers it; null for actions the release system does
     * not own (another executor answers those).
     */
    public synchronized CommandResult onCommand(HealingCommand command) {
        if (command.action() == null || command.commandId() == null) {
            return null;
        }
        switch (command.action()) {
            case ROLLBACK_RELEASE, PAUSE_RELEASE -> { }
            default -> {
                return null;
            }
        }
        Instant now = clock.instant();
        CommandResult first = executed.get(command.commandId());
        if (first != null) {
            return answer(command, CommandOutcome.DUPLICATE, "already answered at " + first.at() + ": "
                    + first.outcome() + " (" + first.message() + ")", now);
        }
        CommandResult result = execute(command, now);
        executed.put(command.commandId(), result);
        return result;
    }

    /** Moves every release whose time has come: starts scheduled ones, ends bakes, pauses stages without a verdict. */
    public synchronized void tick() {
        Instant now = clock.instant();
        for (ReleaseRun run : List.copyOf(releases.values())) {
            advance(run, now);
        }
    }

    // ---- the state machine ---------------------------------------------------------------------------------

    private CommandResult execute(HealingCommand command, Instant now) {
        if (command.expiresAt() != null && now.isAfter(command.expiresAt())) {
            return answer(command, CommandOutcome.FAILED, "command expired at " + command.expiresAt(), now);
        }
        ReleaseRun run = resolve(command);
        if (run == null) {
            return answer(command, CommandOutcome.NOT_SUPPORTED, "no release known for "
                    + (command.release() != null ? "release " + command.release() : "target " + command.target()), now);
        }
        String because = "command " + command.commandId() + (command.reason() == null ? "" : ": " + command.reason());
        if (command.action() == io.nightwatch.schemas.HealingAction.PAUSE_RELEASE) {
            return switch (run.state) {
                case PAUSED -> answer(command, CommandOutcome.EXECUTED, "release " + run.id + " is already paused", now);
                case SCHEDULED, RUNNING -> {
                    pause(run, "paused by " + because, now);
                    yield answer(command, CommandOutcome.EXECUTED, "paused release " + run.id + " at stage "
                            + run.stage(), now);
                }
                default -> answer(command, CommandOutcome.NOT_SUPPORTED, "pause not supported for a "
                        + run.state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " release", now);
            };
        }
        return switch (run.state) {
            case COMPLETED -> answer(command, CommandOutcome.NOT_SUPPORTED, ROLLBACK_OF_COMPLETED, now);
            case ROLLED_BACK -> answer(command, CommandOutcome.EXECUTED, "release " + run.id
                    + " is already rolled back to " + run.fromVersion, now);
            case CANCELLED -> answer(command, CommandOutcome.EXECUTED, "release " + run.id
                    + " was cancelled; its instances run " + run.fromVersion, now);
            case SCHEDULED, RUNNING, PAUSED -> {
                int stage = run.stage();
                rollback(run, "rolled back by " + because, now);
                yield answer(command, CommandOutcome.EXECUTED, "rolled back release " + run.id + " from stage "
                        + stage + " to " + run.fromVersion, now);
            }
        };
    }

    /** The release a command is about: its release field, else its target as a release id or an instance name. */
    private ReleaseRun resolve(HealingCommand command) {
        if (command.release() != null && !command.release().isBlank()) {
            return releases.get(command.release());
        }
        if (command.target() == null) {
            return null;
        }
        ReleaseRun byId = releases.get(command.target());
        if (byId != null) {
            return byId;
        }
        String id = releaseOfInstance.get(command.target());
        return id == null ? null : releases.get(id);
    }

    private void advance(ReleaseRun run, Instant now) {
        switch (run.state) {
            case SCHEDULED -> {
                if (!now.isBefore(run.startAt)) {
                    run.state = ReleaseState.RUNNING;
                    startStage(run, now);
                }
            }
            case RUNNING -> {
                StageRun stage = run.current();
                if (now.isBefore(stage.windowEnd())) {
                    return;
                }
                if (!stage.plan.analyzed() || stage.verdict == CanaryOutcome.PASS) {
                    promote(run, now);
                } else if (!now.isBefore(stage.verdictDeadline)) {
                    // Never proceed without a PASS: no verdict, or a non-PASS one whose command did not come.
                    pause(run, stage.verdict == null
                            ? "no canary verdict for stage " + stage.plan.stage() + " within "
                                    + settings.verdictTimeout().toSeconds() + " s after its analysis window"
                            : "canary verdict " + stage.verdict + " for stage " + stage.plan.stage()
                                    + " and no command followed: waiting for a human", now);
                }
            }
            default -> { }
        }
    }

    private void startStage(ReleaseRun run, Instant now) {
        StagePlan plan = run.plan.get(run.stages.size());
        int before = run.stages.isEmpty() ? 0 : run.current().plan.instances();
        List<String> canary = run.instances.subList(before, plan.instances());
        StageRun stage = new StageRun(plan, canary, run.instances.subList(plan.instances(), run.instances.size()),
                run.instances.subList(0, before), now);
        if (plan.analyzed()) {
            stage.verdictDeadline = stage.windowEnd().plus(settings.verdictTimeout());
        }
        for (String name : canary) {
            SimulatedInstance current = instance(name);
            run.originals.putIfAbsent(name, current);
            fleet.update(current.withVersion(run.version, run.behaviour, now.toEpochMilli()));
            injected.remove(name);
            injectedAt.remove(name);
            releaseOfInstance.put(name, run.id);
            versionSince.put(name, now);
        }
        run.stages.add(stage);
        emit(run, ReleaseStatus.STAGE_STARTED, "stage " + plan.stage() + " of " + run.plan.size() + ": "
                + plan.instances() + " of " + run.instances.size() + " instance(s) on " + run.version
                + (plan.analyzed() ? "" : " (bake)"), now);
    }

    private void promote(ReleaseRun run, Instant now) {
        StageRun stage = run.current();
        stage.status = "PASSED";
        stage.endedAt = now;
        emit(run, ReleaseStatus.STAGE_PASSED, stage.plan.analyzed()
                ? "stage " + stage.plan.stage() + " passed (" + (stage.verdict == null ? "approved" : stage.verdict)
                        + (stage.score == null ? "" : ", score " + stage.score) + ")"
                : "stage " + stage.plan.stage() + " baked for " + stage.plan.analysisWindowSeconds() + " s", now);
        if (run.isLastStage()) {
            run.originals.clear();
            finish(run, ReleaseState.COMPLETED, ReleaseStatus.COMPLETED, "every instance runs " + run.version, now);
        } else {
            startStage(run, now);
        }
    }

    private void pause(ReleaseRun run, String reason, Instant now) {
        run.pausedFrom = run.state;
        run.state = ReleaseState.PAUSED;
        emit(run, ReleaseStatus.PAUSED, reason, now);
    }

    private void rollback(ReleaseRun run, String reason, Instant now) {
        if (run.stages.isEmpty()) {
            finish(run, ReleaseState.CANCELLED, ReleaseStatus.CANCELLED, reason + " (it had not started)", now);
            return;
        }
        emit(run, ReleaseStatus.ROLLING_BACK, reason, now);
        revert(run, now);
        run.current().status = "ROLLED_BACK";
        run.current().endedAt = now;
        finish(run, ReleaseState.ROLLED_BACK, ReleaseStatus.ROLLED_BACK, reason, now);
    }

    private void revert(ReleaseRun run, Instant now) {
        for (SimulatedInstance original : run.originals.values()) {
            fleet.update(original);
            injected.remove(original.name());
            injectedAt.remove(original.name());
            versionSince.put(original.name(), now);
        }
        run.originals.clear();
        StageRun stage = run.current();
        if (stage != null && "RUNNING".equals(stage.status)) {
            stage.status = "CANCELLED";
            stage.endedAt = now;
        }
    }

    private void finish(ReleaseRun run, ReleaseState state, ReleaseStatus status, String reason, Instant now) {
        run.state = state;
        run.pausedFrom = null;
        emit(run, status, reason, now);
        LOG.info("release {}: {} ({})", run.id, status, reason);
    }

    private void emit(ReleaseRun run, ReleaseStatus status, String reason, Instant now) {
        run.updatedAt = now;
        run.reason = reason;
        StageRun stage = run.current();
        List<String> canary = List.of();
        List<String> baseline = run.instances;
        List<String> done = List.of();
        StagePlan plan = stage == null ? run.plan.get(0) : stage.plan;
        switch (status) {
            case ROLLED_BACK, CANCELLED -> { }
            case COMPLETED -> {
                baseline = List.of();
                done = run.instances;
            }
            default -> {
                if (stage != null) {
                    canary = stage.canary;
                    baseline = stage.baseline;
                    done = stage.done;
                }
            }
        }
        run.eventSeq++;
        outbox.release(new ReleaseEvent(run.id + ":" + run.eventSeq + ":" + status, run.id, run.service, run.version,
                run.fromVersion, run.stage(), run.plan.size(), status, canary, baseline, done,
                plan.analysisWindowSeconds(), plan.passThreshold(), plan.marginalThreshold(), reason, now));
    }

    private CommandResult answer(HealingCommand command, CommandOutcome outcome, String message, Instant now) {
        CommandResult result = new CommandResult(command.commandId(), outcome, EXECUTOR, command.service(),
                command.target(), message, now);
        outbox.result(result);
        return result;
    }

    private Alert faultAlert(SimulatedInstance instance, FaultProfile fault, AlertStatus status, Instant startsAt,
            Instant endsAt) {
        Map<String, String> labels = new TreeMap<>(Map.of("alertname", FAULT_ALERT, "service",
                instance.service().name(), "instance", instance.name(), "severity", "critical"));
        return new Alert(null, "simulator", FAULT_ALERT, "critical", status, labels,
                Map.of("summary", instance.name() + " degraded: " + fault.describe()),
                startsAt, endsAt, null);
    }

    private ReleaseRun find(String id) {
        ReleaseRun run = releases.get(id);
        if (run == null) {
            throw new ReleaseNotFound("no release '" + id + "'");
        }
        return run;
    }

    private SimulatedInstance instance(String name) {
        return fleet.instances().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new ReleaseNotFound("no instance '" + name + "'"));
    }

    private InstanceView instanceView(SimulatedInstance i) {
        FaultProfile fault = injected.get(i.name());
        String release = releaseOfInstance.get(i.name());
        ReleaseRun run = release == null ? null : releases.get(release);
        String faultText = fault != null ? fault.describe()
                : run != null && i.version().equals(run.version) ? run.request.fault().describe() : "healthy";
        return new InstanceView(i.service().name(), i.name(), i.zone(), i.version(), versionSince.get(i.name()),
                release, faultText);
    }

    private static String commonVersion(List<SimulatedInstance> members) {
        Map<String, Integer> counts = new TreeMap<>();
        members.forEach(m -> counts.merge(m.version(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private String newId(String service, Instant now) {
        String base = "rel-" + service + "-" + Long.toString(now.toEpochMilli(), 36);
        String id = base;
        for (int n = 2; releases.containsKey(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
