package io.nightwatch.simulator;

import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.MetricPoint;
import io.nightwatch.simulator.fleet.Fleet;
import io.nightwatch.simulator.fleet.MetricModel;
import io.nightwatch.simulator.fleet.SimulatedInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits every instance's metrics on a fixed tick to the metrics topic. On start it fills the gap since the
 * last tick it emitted (kept in a state file, capped by {@code backfill}), so restarts neither lose nor repeat ticks.
 */
public final class MetricEmitter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricEmitter.class);

    private final Fleet fleet;
    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final Duration interval;
    private final Duration backfill;
    private final Path stateFile;
    private final AtomicLong pointsSent = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "simulator-metrics");
        t.setDaemon(true);
        return t;
    });
    private long lastTick = Long.MIN_VALUE;

    public MetricEmitter(Fleet fleet, Producer<byte[], byte[]> producer, String topic, Duration interval,
            Duration backfill, Path stateFile) {
        this.fleet = fleet;
        this.producer = producer;
        this.topic = topic;
        this.interval = interval;
        this.backfill = backfill;
        this.stateFile = stateFile;
    }

    /** Emits the backfill, then a tick every interval until closed. */
    public void start() {
        long step = interval.toMillis();
        long now = System.currentTimeMillis();
        long current = now - now % step;
        long previous = readState();
        long earliest = current - backfill.toMillis();
        earliest -= Math.floorMod(earliest, 60_000L); // whole minutes, so no window is half re-emitted
        long first = Math.max(earliest, previous == Long.MIN_VALUE ? earliest : previous + step);
        int ticks = 0;
        for (long t = first; t <= current; t += step) {
            emitTick(t);
            ticks++;
        }
        producer.flush();
        writeState();
        LOG.info("simulator: backfilled {} ticks ({} points) from {}", ticks, pointsSent.get(), Instant.ofEpochMilli(first));
        long delay = step - (System.currentTimeMillis() % step);
        timer.scheduleAtFixedRate(this::tickNow, delay, step, TimeUnit.MILLISECONDS);
    }

    private void tickNow() {
        try {
            long now = System.currentTimeMillis();
            long step = interval.toMillis();
            long tick = now - now % step;
            for (long t = lastTick + step; t <= tick; t += step) { // catch up if a tick was delayed
                emitTick(t);
            }
            producer.flush();
            writeState();
        } catch (RuntimeException e) {
            LOG.warn("simulator: tick failed, retrying on the next one", e);
        }
    }

    /** Emits one point per instance and metric at {@code tsMillis}. */
    void emitTick(long tsMillis) {
        Instant ts = Instant.ofEpochMilli(tsMillis);
        for (SimulatedInstance instance : fleet.instances()) {
            for (String metric : Fleet.METRICS) {
                MetricPoint point = new MetricPoint(ts, instance.service().name(), instance.name(), metric,
                        MetricModel.value(instance, metric, tsMillis), instance.labels());
                producer.send(new ProducerRecord<>(topic, point.seriesId().getBytes(StandardCharsets.UTF_8),
                        Json.toBytes(point)));
                pointsSent.incrementAndGet();
            }
        }
        lastTick = tsMillis;
    }

    public long pointsSent() {
        return pointsSent.get();
    }

    private long readState() {
        if (stateFile == null || !Files.exists(stateFile)) {
            return Long.MIN_VALUE;
        }
        try {
            return Long.parseLong(Files.readString(stateFile).trim());
        } catch (IOException | NumberFormatException e) {
            LOG.warn("simulator: ignoring unreadable state file {}", stateFile);
            return Long.MIN_VALUE;
        }
    }

    private void writeState() {
        if (stateFile == null || lastTick == Long.MIN_VALUE) {
            return;
        }
        try {
            Path tmp = stateFile.resolveSibling(stateFile.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(lastTick));
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("simulator: cannot write state file {}", stateFile, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.flush();
        writeState();
    }
}
