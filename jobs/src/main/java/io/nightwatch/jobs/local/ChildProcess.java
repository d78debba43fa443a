package io.nightwatch.jobs.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM of the local runtime, logging to a file, with a pid file so that a child left behind by a
 * launcher killed with SIGKILL is stopped on the next start.
 */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path pidFile;
    private final Path log;

    private ChildProcess(String name, Process process, Path pidFile, Path log) {
        this.name = name;
        this.process = process;
        this.pidFile = pidFile;
        this.log = log;
    }

    /** Starts {@code java <jvmArgs> -cp classpath mainClass args}, stopping any leftover of the same pid file first. */
    public static ChildProcess startJava(String name, List<String> jvmArgs, String classpath, String mainClass,
            List<String> args, Path pidFile, Path log) throws IOException {
        stopLeftover(pidFile);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>();
        command.add(java);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Files.writeString(pidFile, Long.toString(p.pid()));
        return new ChildProcess(name, p, pidFile, log);
    }

    /** Runs a short-lived java command to completion; fails with the log's tail if it exits non-zero. */
    public static void runJava(String name, String classpath, String mainClass, List<String> args, Path log)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp", classpath, mainClass));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(name + " failed; see " + log);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    private static void stopLeftover(Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> old = ProcessHandle.of(pid);
            if (old.isPresent() && old.get().info().command().map(c -> c.endsWith("java")).orElse(false)) {
                old.get().destroy();
                old.get().onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // not ours or already gone
        }
        Files.deleteIfExists(pidFile);
    }

    /** Asks the child to stop (SIGTERM), waits up to 30 s, then kills it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return name + "(pid " + process.pid() + ")";
    }
}
