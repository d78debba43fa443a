package io.nightwatch.simulator;

import io.nightwatch.schemas.Topics;
import io.nightwatch.simulator.fleet.Fleet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator alone: {@code SimulatorMain --bootstrap-servers HOST:PORT [--topic nw.metrics]
 * [--interval PT5S] [--backfill PT30M] [--state-file FILE]}.
 */
public final class SimulatorMain {

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                fail("expected --key value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            fail("option " + args[args.length - 1] + " has no value");
        }
        String bootstrap = o.remove("bootstrap-servers");
        if (bootstrap == null) {
            fail("missing --bootstrap-servers");
        }
        Simulator.Config config = new Simulator.Config(bootstrap, orDefault(o.remove("topic"), Topics.METRICS),
                duration(o.remove("interval"), "PT5S"), duration(o.remove("backfill"), "PT30M"),
                o.containsKey("state-file") ? Path.of(o.remove("state-file")) : null);
        if (!o.isEmpty()) {
            fail("unknown option(s): " + o.keySet());
        }
        Simulator simulator = new Simulator(config, Fleet.demo());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stop.countDown();
        }));
        simulator.start();
        stop.await();
    }

    private static String orDefault(String v, String d) {
        return v == null ? d : v;
    }

    private static Duration duration(String v, String fallback) {
        try {
            return Duration.parse(v == null ? fallback : v);
        } catch (DateTimeParseException e) {
            fail("not an ISO-8601 duration (e.g. PT5S): " + v);
            return null;
        }
    }

    private static void fail(String message) {
        System.err.println("simulator: " + message);
        System.exit(2);
    }
}
