package io.nightwatch.jobs.cli;

import io.nightwatch.jobs.config.ConfigException;
import io.nightwatch.jobs.config.JobArgs;
import io.nightwatch.jobs.local.Demo;
import io.nightwatch.jobs.local.DemoOptions;
import java.nio.file.Path;
import java.util.Arrays;

/** The {@code nightwatch} command line: one subcommand per capability. */
public final class Nightwatch {

    static final String USAGE = """
            usage: nightwatch <command> [options]

            commands:
              demo           run everything locally (Kafka, PostgreSQL, Flink jobs, API + UI, simulator)
              token create   create or rotate an API token:  token create --role viewer|operator|admin --name NAME
              bench          benchmarks: bench metrics, bench alerts
              detect         score a timestamp,value CSV with the metrics job's anomaly detector
              nab            score a directory in NAB's layout with the same detector
              judge          classify a canary sample against a baseline:  judge --baseline FILE --canary FILE
              analyzer       run the AI analyzer service (POST /v1/analyze); options below
              help           this text

            """ + BenchCommand.USAGE + DetectCommand.USAGE + DemoOptions.USAGE + "  scenarios: " + io.nightwatch.jobs.scenarios.Scenarios.names() + "\n" + TokenCommand.USAGE + AnalyzerCommand.USAGE + JudgeCommand.USAGE;

    private Nightwatch() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code (0 ok, 1 failed, 2 bad usage). */
    public static int run(String[] args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Path home = Path.of(System.getProperty("nightwatch.home", ".")).toAbsolutePath().normalize();
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "demo" -> new Demo(home, DemoOptions.parse(JobArgs.of(rest))).run();
                case "token" -> TokenCommand.run(home, rest);
                case "bench" -> BenchCommand.run(home, rest);
                case "detect" -> DetectCommand.detect(rest);
                case "nab" -> DetectCommand.nab(rest);
                case "judge" -> JudgeCommand.run(rest, System.out);
                case "analyzer" -> AnalyzerCommand.run(rest);
                default -> usage("unknown command '" + args[0] + "'");
            };
        } catch (ConfigException | IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (Exception e) {
            System.err.println("nightwatch " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    static int usage(String problem) {
        System.err.println("nightwatch: " + problem);
        System.err.println("run 'bin/nightwatch help' for the commands and their options");
        return 2;
    }
}
