package io.nightwatch.jobs.cli;

import io.nightwatch.analyzer.AnalyzerMain;
import io.nightwatch.analyzer.AnalyzerOptions;
import java.util.concurrent.CountDownLatch;

/** {@code nightwatch analyzer [options]}: runs the AI analyzer service in the foreground until Ctrl-C (analyzer/README.md). */
final class AnalyzerCommand {

    static final String USAGE = "analyzer options (analyzer/README.md):\n" + AnalyzerOptions.USAGE.replaceFirst("usage: analyzer \\[options\\]\n", "");

    private AnalyzerCommand() {}

    /** Starts the analyzer and blocks until the JVM is asked to stop; bad options raise IllegalArgumentException (exit 2). */
    static int run(String[] args) throws InterruptedException {
        AnalyzerOptions options = AnalyzerOptions.parse(args, System.getenv());
        AnalyzerMain.Running running = AnalyzerMain.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "analyzer-stop"));
        System.out.println("analyzer listening on http://" + options.host() + ":" + running.port() + " (provider "
                + running.analyzer().provider() + ", tools " + (running.dataSource() == null ? "off" : "on") + ")");
        stopped.await();
        return 0;
    }
}
