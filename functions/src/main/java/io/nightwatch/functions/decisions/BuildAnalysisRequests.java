package io.nightwatch.functions.decisions;

import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.schemas.AnalysisRequest;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per service: remembers the recent firing episodes of every alert (input 1, every ingested version) and turns each
 * incident whose analysis is requested (input 2) into an {@link AnalysisRequest} with those episodes
 * ({@link AnalysisRequests}). State: one entry per alert fingerprint, pruned on every update and expired by TTL
 * ({@link AlertHistory#retention()} after its last write).
 */
public final class BuildAnalysisRequests extends KeyedCoProcessFunction<String, AlertInstance, IncidentUpdate, AnalysisRequest> {

    private static final long serialVersionUID = 1L;

    private final AlertHistory history;
    private transient MapState<String, AlertEpisodes> episodes;

    public BuildAnalysisRequests(AlertHistory history) {
        this.history = history;
    }

    @Override
    public void open(OpenContext openContext) {
        MapStateDescriptor<String, AlertEpisodes> d = new MapStateDescriptor<>("alert-episodes",
                TypeInformation.of(String.class), TypeInformation.of(AlertEpisodes.class));
        d.enableTimeToLive(StateTtlConfig.newBuilder(history.retention())
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .build());
        episodes = getRuntimeContext().getMapState(d);
    }

    @Override
    public void processElement1(AlertInstance alert, Context ctx, Collector<AnalysisRequest> out) throws Exception {
        AlertEpisodes next = history.add(episodes.get(alert.fingerprint()), AlertHistory.toAlert(alert), alert.receivedAt());
        if (next.episodes().isEmpty()) {
            episodes.remove(alert.fingerprint());
        } else {
            episodes.put(alert.fingerprint(), next);
        }
    }

    @Override
    public void processElement2(IncidentUpdate incident, Context ctx, Collector<AnalysisRequest> out) {
        out.collect(AnalysisRequests.of(incident, this::lookup));
    }

    private AlertEpisodes lookup(String fingerprint) {
        try {
            return episodes.get(fingerprint);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the episodes of alert " + fingerprint, e);
        }
    }
}
