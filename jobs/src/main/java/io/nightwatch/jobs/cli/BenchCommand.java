package io.nightwatch.jobs.cli;

import io.nightwatch.jobs.bench.MetricsBench;
import io.nightwatch.jobs.config.ConfigException;
import io.nightwatch.jobs.config.JobArgs;
import java.nio.file.Path;
import java.util.Arrays;

/** {@code nightwatch bench <name> [options]}: benchmarks that print their figures. */
final class BenchCommand {

    static final String USAGE = """
            nightwatch bench metrics [--points 5000000] [--series 100000] [--rules 10] [--partitions 2] [--parallelism 1]
                                     [--compare-detector] [--compare-rules R0] [--repeat N]
              Loads MetricPoint records into a topic of a local broker, reads them with a bare consumer and with the
              metrics job (every operator on), prints `bench metrics: job=… consumer=… ratio=… heap_per_series=… rules=…`.
              --compare-detector also runs the job without the anomaly detector and prints what the detector costs.
              --compare-rules R0 also runs the job with R0 rules (e.g. 10) and prints what the R rules cost.
              --repeat N runs the job N times (alternating with the detector-less run) and keeps the best of each
              (default 2 with a --compare option, else 1).
            """ + io.nightwatch.jobs.incidents.parity.AlertsBenchCommand.USAGE;

    private BenchCommand() {}

    static int run(Path home, String[] args) throws Exception {
        if (args.length == 0) {
            throw new ConfigException("expected a benchmark name: metrics, alerts");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "metrics" -> MetricsBench.run(home, JobArgs.of(rest));
            case "alerts" -> io.nightwatch.jobs.incidents.parity.AlertsBenchCommand.run(home, JobArgs.of(rest));
            default -> throw new ConfigException("unknown benchmark '" + args[0] + "'");
        };
    }
}
