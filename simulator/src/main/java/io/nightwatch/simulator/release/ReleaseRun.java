package io.nightwatch.simulator.release;

import io.nightwatch.simulator.fleet.Behaviour;
import io.nightwatch.simulator.fleet.SimulatedInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One release as the engine runs it: its plan, state, started stages and the instances it changed. Mutable. */
final class ReleaseRun {

    final String id;
    final String service;
    final String version;
    final String fromVersion;
    final ReleaseRequest request;
    final List<StagePlan> plan;
    final List<String> instances;
    final Behaviour behaviour;
    final Instant createdAt;
    final Instant startAt;
    final Map<String, SimulatedInstance> originals = new LinkedHashMap<>();
    final List<StageRun> stages = new ArrayList<>();
    ReleaseState state = ReleaseState.SCHEDULED;
    ReleaseState pausedFrom;
    Instant updatedAt;
    String reason;
    int eventSeq;

    ReleaseRun(String id, String fromVersion, ReleaseRequest request, List<StagePlan> plan, List<String> instances,
            Instant createdAt, Instant startAt) {
        this.id = id;
        this.service = request.service();
        this.version = request.version();
        this.fromVersion = fromVersion;
        this.request = request;
        this.plan = plan;
        this.instances = List.copyOf(instances);
        this.behaviour = request.fault().behaviour();
        this.createdAt = createdAt;
        this.startAt = startAt;
        this.updatedAt = createdAt;
    }

    /** The current stage number (0 before the first starts). */
    int stage() {
        return stages.size();
    }

    /** The current stage, or null before the first starts. */
    StageRun current() {
        return stages.isEmpty() ? null : stages.get(stages.size() - 1);
    }

    boolean isLastStage() {
        return stages.size() == plan.size();
    }

    ReleaseView view() {
        List<StageView> views = new ArrayList<>();
        for (StagePlan p : plan) {
            views.add(p.stage() <= stages.size() ? stages.get(p.stage() - 1).view() : StageView.planned(p));
        }
        return new ReleaseView(id, service, version, fromVersion, state, stage(), plan.size(),
                request.risk().name().toLowerCase(java.util.Locale.ROOT), request.fault().describe(), startAt,
                createdAt, updatedAt, reason, views);
    }
}
