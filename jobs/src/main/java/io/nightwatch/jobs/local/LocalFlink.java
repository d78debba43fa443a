package io.nightwatch.jobs.local;

import io.nightwatch.jobs.JobMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Flink MiniCluster for every local job, with the Flink web UI on its REST port. Jobs resume from their
 * newest savepoint or retained checkpoint under {@code var/flink}, and stop with a savepoint, so a restart
 * loses nothing.
 */
public final class LocalFlink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalFlink.class);

    private final MiniCluster cluster;
    private final int restPort;
    private final VarDir var;
    private final Map<String, JobClient> jobs = new LinkedHashMap<>();

    private LocalFlink(MiniCluster cluster, int restPort, VarDir var) {
        this.cluster = cluster;
        this.restPort = restPort;
        this.var = var;
    }

    /** Starts the MiniCluster with {@code slots} task slots and the web UI on {@code restPort}. */
    public static LocalFlink start(VarDir var, int restPort, int slots) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(RestOptions.BIND_ADDRESS, "localhost");
        conf.set(RestOptions.PORT, restPort);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(128));
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(conf).setNumTaskManagers(1).setNumSlotsPerTaskManager(slots).build());
        cluster.start();
        int port = cluster.getRestAddress().get(30, TimeUnit.SECONDS).getPort();
        return new LocalFlink(cluster, port, var);
    }

    public int restPort() {
        return restPort;
    }

    /** Submits a job (resuming its saved state when there is some) and waits until it runs. */
    public JobClient submit(String job, List<String> args) throws Exception {
        Optional<Path> restore = newestRestorePoint(job);
        try {
            JobClient client = submitOnce(job, args, restore);
            jobs.put(job, client);
            return client;
        } catch (JobDidNotStart e) {
            if (restore.isEmpty()) {
                throw e;
            }
            LOG.warn("job {} could not resume from {} ({}); starting it from the committed Kafka offsets instead",
                    job, restore.get(), e.getMessage());
            System.out.println("  ! " + job + " could not resume from " + restore.get().getFileName()
                    + "; starting from the committed Kafka offsets");
            JobClient client = submitOnce(job, args, Optional.empty());
            jobs.put(job, client);
            return client;
        }
    }

    private JobClient submitOnce(String job, List<String> args, Optional<Path> restore) throws Exception {
        Configuration conf = new Configuration();
        conf.set(DeploymentOptions.TARGET, "remote");
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(RestOptions.PORT, restPort);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, var.checkpoints().resolve(job).toUri().toString());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        restore.ifPresent(p -> {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString());
            conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        });
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(conf);
        JobClient client = JobMain.submit(env, job, args.toArray(String[]::new));
        awaitRunning(job, client, Duration.ofSeconds(60));
        return client;
    }

    private static void awaitRunning(String job, JobClient client, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JobStatus status = client.getJobStatus().get(10, TimeUnit.SECONDS);
            if (status == JobStatus.RUNNING) {
                return;
            }
            if (status.isGloballyTerminalState() || status == JobStatus.RESTARTING) {
                client.cancel().exceptionally(t -> null).get(30, TimeUnit.SECONDS);
                throw new JobDidNotStart(job + " is " + status);
            }
            Thread.sleep(250);
        }
        throw new JobDidNotStart(job + " did not reach RUNNING within " + timeout.toSeconds() + " s");
    }

    /** The newest savepoint or retained checkpoint of a job, if any. */
    Optional<Path> newestRestorePoint(String job) {
        List<Path> candidates = new ArrayList<>();
        collectMetadataDirs(var.savepoints().resolve(job), 1, candidates);
        collectMetadataDirs(var.checkpoints().resolve(job), 2, candidates);
        return candidates.stream().max(Comparator.comparingLong(LocalFlink::metadataTime));
    }

    private static void collectMetadataDirs(Path root, int depth, List<Path> out) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root, depth)) {
            s.filter(p -> Files.isRegularFile(p.resolve("_metadata"))).forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long metadataTime(Path dir) {
        try {
            return Files.getLastModifiedTime(dir.resolve("_metadata")).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Stops every job with a savepoint (so the next start resumes exactly), then the cluster. */
    @Override
    public void close() {
        for (Map.Entry<String, JobClient> e : jobs.entrySet()) {
            try {
                String dir = var.savepoints().resolve(e.getKey()).toUri().toString();
                String path = e.getValue().stopWithSavepoint(false, dir, SavepointFormatType.CANONICAL)
                        .get(90, TimeUnit.SECONDS);
                LOG.info("job {} stopped with savepoint {}", e.getKey(), path);
                pruneOlderThan(e.getKey(), URI.create(path).getPath());
            } catch (Exception ex) {
                LOG.warn("job {} could not stop with a savepoint; cancelling (its last checkpoint is kept)", e.getKey(), ex);
                e.getValue().cancel().exceptionally(t -> null);
            }
        }
        jobs.clear();
        try {
            cluster.close();
        } catch (Exception ex) {
            LOG.warn("MiniCluster did not close cleanly", ex);
        }
    }

    /** Deletes the job's savepoints and checkpoints other than the one just written. */
    private void pruneOlderThan(String job, String keep) {
        List<Path> all = new ArrayList<>();
        collectMetadataDirs(var.savepoints().resolve(job), 1, all);
        collectMetadataDirs(var.checkpoints().resolve(job), 2, all);
        for (Path p : all) {
            if (!p.toAbsolutePath().normalize().equals(Path.of(keep).toAbsolutePath().normalize())) {
                deleteTree(p);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("cannot delete {}", dir, e);
        }
    }

    /** A job that failed to reach RUNNING. */
    static final class JobDidNotStart extends Exception {
        JobDidNotStart(String message) {
            super(message);
        }
    }
}
