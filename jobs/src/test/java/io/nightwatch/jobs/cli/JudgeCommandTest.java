package io.nightwatch.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightwatch.jobs.config.ConfigException;
import io.nightwatch.schemas.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nightwatch judge}: two files in, the classification and its statistics out, exit codes by verdict. */
class JudgeCommandTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** 30 values: base + (i mod 7), one per line. */
    private static String values(double base) {
        return IntStream.range(0, 30).mapToObj(i -> Double.toString(base + i % 7)).collect(Collectors.joining("\n"));
    }

    private record Run(int exit, String out) {}

    private static Run run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = JudgeCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void classifiesARegressedCanaryAsHighWithItsStatisticsAsJson() throws IOException {
        Path baseline = file("baseline.txt", "# latency of the baseline\n" + values(100));
        Path canary = file("canary.txt", values(140));
        Run r = run("--baseline", baseline.toString(), "--canary", canary.toString(), "--direction", "increase", "--json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.path("classification").asText()).isEqualTo("High");
        assertThat(json.path("decidedBy").asText()).isEqualTo("mann-whitney");
        assertThat(json.path("canarySamples").asInt()).isEqualTo(30);
        assertThat(json.path("mannWhitney").path("ciLower").asDouble()).isGreaterThan(0);
    }

    @Test
    void passesAnUnchangedCanaryAndPrintsText() throws IOException {
        Run r = run("--baseline", file("b", values(100)).toString(), "--canary", file("c", values(100)).toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Pass\n");
    }

    @Test
    void countsAreComparedByRateAndTooFewSamplesAreNotEnoughData() throws IOException {
        String baseline = IntStream.range(0, 30).mapToObj(i -> (i % 10 == 0 ? "1" : "0") + " 1000")
                .collect(Collectors.joining("\n"));
        String canary = IntStream.range(0, 30).mapToObj(i -> (i % 3 == 0 ? "2" : "1") + " 1000")
                .collect(Collectors.joining("\n"));
        Run r = run("--baseline", file("b", baseline).toString(), "--canary", file("c", canary).toString(),
                "--kind", "count", "--direction", "increase", "--json");
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.path("classification").asText()).isEqualTo("High");
        assertThat(json.path("decidedBy").asText()).isEqualTo("rate");
        assertThat(json.path("rateTest").path("canaryCount").asDouble()).isEqualTo(40);

        Run few = run("--baseline", file("b2", "1\n2\n3").toString(), "--canary", file("c2", "9\n9\n9").toString(),
                "--json");
        assertThat(few.exit()).isEqualTo(3);
        assertThat(Json.mapper().readTree(few.out()).path("classification").asText()).isEqualTo("NotEnoughData");
    }

    @Test
    void badFlagsAndFilesAreRefusedWithTheReasonAndExitCode2() throws IOException {
        Path b = file("b", values(100));
        assertThatThrownBy(() -> run("--canary", b.toString())).isInstanceOf(ConfigException.class)
                .hasMessage("missing required --baseline");
        assertThatThrownBy(() -> run("--baseline", b.toString(), "--canary", b + ".missing"))
                .hasMessage("--canary: cannot read file " + b + ".missing");
        assertThatThrownBy(() -> run("--baseline", b.toString(), "--canary", b.toString(), "--direction", "up"))
                .hasMessage("--direction: expected increase, decrease or either, got up");
        assertThatThrownBy(() -> run("--baseline", b.toString(), "--canary", b.toString(), "--kind", "histogram"))
                .hasMessage("--kind: kind must be gauge or count: histogram");
        assertThatThrownBy(() -> run("--baseline", b.toString(), "--canary", b.toString(), "--jsn"))
                .hasMessageStartingWith("unknown option(s): --jsn");
        assertThatThrownBy(() -> run("--baseline", file("x", "1\nabc").toString(), "--canary", b.toString()))
                .hasMessageEndingWith(":2: not a number: abc");
        assertThat(Nightwatch.run(new String[] {"judge", "--baseline", b.toString()})).isEqualTo(2);
    }
}
