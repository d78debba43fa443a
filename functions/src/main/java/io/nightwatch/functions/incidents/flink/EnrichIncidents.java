package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.incidents.enrich.Enrichment;
import io.nightwatch.functions.incidents.enrich.ReleaseTracker;
import io.nightwatch.functions.incidents.enrich.ServiceCatalog;
import io.nightwatch.functions.incidents.enrich.ServiceInfo;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.schemas.IncidentEvent;
import io.nightwatch.schemas.ReleaseContext;
import io.nightwatch.schemas.ReleaseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrichment, keyed by service: keeps the newest event of each release of the service (a finished release for
 * {@code finishedRetention} more, then dropped by a timer), attaches the release context ({@link ReleaseTracker})
 * and the catalog's team and tier to every update, and logs {@code ENRICHED} when an incident opens. An update waits
 * until the watermark passes its time, so a release ingested before it is known whichever input is read first.
 */
public final class EnrichIncidents extends KeyedCoProcessFunction<String, IncidentUpdate, ReleaseEvent, IncidentUpdate> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EnrichIncidents.class);

    private final ServiceCatalog catalog;
    private final long catalogRefreshMs;
    private final long finishedRetentionMs;
    private transient MapState<String, ReleaseEvent> releases;
    private transient org.apache.flink.api.common.state.ListState<IncidentUpdate> pending;
    private transient Map<String, ServiceInfo> services;
    private transient long catalogLoadedAt;
    private transient Counter catalogFallbacks;

    public EnrichIncidents(ServiceCatalog catalog, Duration catalogRefresh, Duration finishedRetention) {
        this.catalog = catalog;
        this.catalogRefreshMs = catalogRefresh.toMillis();
        this.finishedRetentionMs = finishedRetention.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        releases = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("releases", Types.STRING, TypeInformation.of(ReleaseEvent.class)));
        pending = getRuntimeContext().getListState(new org.apache.flink.api.common.state.ListStateDescriptor<>("pending",
                TypeInformation.of(IncidentUpdate.class)));
        catalogFallbacks = getRuntimeContext().getMetricGroup().addGroup("nightwatch").counter(Counters.CATALOG_FALLBACKS);
        services = Map.of();
        catalogLoadedAt = Long.MIN_VALUE;
    }

    @Override
    public void processElement1(IncidentUpdate u, Context ctx, Collector<IncidentUpdate> out) throws Exception {
        if (u.at() <= ctx.timerService().currentWatermark()) {
            enrich(u, ctx, out);
            return;
        }
        // wait until the watermark passes the update's time: every release event ingested before it is then known,
        // whichever input delivered first
        pending.add(u);
        ctx.timerService().registerEventTimeTimer(u.at());
    }

    private void enrich(IncidentUpdate u, Context ctx, Collector<IncidentUpdate> out) throws Exception {
        List<ReleaseEvent> known = new ArrayList<>();
        for (ReleaseEvent e : releases.values()) {
            known.add(e);
        }
        ReleaseContext release = known.isEmpty() ? null : ReleaseTracker.contextFor(u.instances(), known);
        ServiceInfo info = u.service() == null ? null : catalog(ctx.timerService().currentProcessingTime()).get(u.service());
        IncidentUpdate enriched = u.withEnrichment(release, info == null ? null : info.team(), info == null ? null : info.tier());
        if (enriched.opens()) {
            IncidentEvent e = Enrichment.event(enriched);
            if (e != null) {
                ctx.output(IncidentTags.EVENTS, e);
            }
        }
        out.collect(enriched);
    }

    @Override
    public void processElement2(ReleaseEvent e, Context ctx, Collector<IncidentUpdate> out) throws Exception {
        ReleaseEvent current = releases.get(e.release());
        if (current != null && current.at() != null && e.at() != null && e.at().isBefore(current.at())) {
            return; // an older event of the release
        }
        releases.put(e.release(), e);
        if (!ReleaseTracker.active(e)) {
            long at = e.at() == null ? ctx.timestamp() : e.at().toEpochMilli();
            ctx.timerService().registerEventTimeTimer(Math.max(at, ctx.timerService().currentWatermark()) + finishedRetentionMs);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IncidentUpdate> out) throws Exception {
        Iterable<IncidentUpdate> waiting = pending.get();
        if (waiting != null) {
            List<IncidentUpdate> due = new ArrayList<>();
            List<IncidentUpdate> later = new ArrayList<>();
            for (IncidentUpdate u : waiting) {
                (u.at() <= timestamp ? due : later).add(u);
            }
            if (!due.isEmpty()) {
                if (later.isEmpty()) {
                    pending.clear();
                } else {
                    pending.update(later);
                }
                due.sort(java.util.Comparator.comparingLong((IncidentUpdate x) -> x.at()).thenComparing(ConvergeIncidents.ORDER));
                for (IncidentUpdate u : due) {
                    enrich(u, ctx, out);
                }
            }
        }
        List<String> expired = new ArrayList<>();
        for (Map.Entry<String, ReleaseEvent> e : releases.entries()) {
            ReleaseEvent r = e.getValue();
            long at = r.at() == null ? Long.MIN_VALUE : r.at().toEpochMilli();
            if (!ReleaseTracker.active(r) && at + finishedRetentionMs <= timestamp) {
                expired.add(e.getKey());
            }
        }
        for (String id : expired) {
            releases.remove(id);
        }
    }

    private Map<String, ServiceInfo> catalog(long now) {
        if (catalogLoadedAt == Long.MIN_VALUE || now - catalogLoadedAt >= catalogRefreshMs) {
            catalogLoadedAt = now;
            try {
                services = catalog.load();
            } catch (Exception ex) {
                catalogFallbacks.inc();
                LOG.warn("service catalog could not be loaded; keeping the last one ({} services)", services.size(), ex);
            }
        }
        return services;
    }
}
