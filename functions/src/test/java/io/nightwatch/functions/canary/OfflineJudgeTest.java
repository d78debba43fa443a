package io.nightwatch.functions.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline judge behind {@code nightwatch judge}: files in, one result out, as JSON or text. */
class OfflineJudgeTest {

    @TempDir
    Path dir;

    private Path file(String name, double level, double spread, long seed, int n) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String lines = IntStream.range(0, n).mapToObj(i -> String.format(Locale.ROOT, "%.4f",
                level + spread * r.nextGaussian())).collect(Collectors.joining("\n", "# latency ms\n", "\n"));
        return Files.writeString(dir.resolve(name), lines);
    }

    private static String[] args(String... a) {
        return a;
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OfflineJudge.run(a, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonIsOneObjectWithTheClassificationAndTheStatistics() throws IOException {
        Path baseline = file("baseline.txt", 100, 10, 1, 30);
        Path canary = file("canary.txt", 130, 10, 2, 30);

        Run r = run("--baseline", baseline.toString(), "--canary", canary.toString(), "--direction", "increase",
                "--json");
        JsonNode json = new ObjectMapper().readTree(r.out());

        assertThat(r.code()).isEqualTo(OfflineJudge.EXIT_FAIL);
        assertThat(json.get("classification").asText()).isEqualTo("High");
        assertThat(json.get("canarySamples").asInt()).isEqualTo(30);
        assertThat(json.get("mannWhitney").get("u").asDouble()).isPositive();
        assertThat(json.get("mannWhitney").get("pValue").asDouble()).isLessThan(0.01);
        assertThat(json.get("mannWhitney").get("hlEstimate").asDouble()).isBetween(20.0, 40.0);
        assertThat(json.get("mannWhitney").get("ciLower").asDouble())
                .isLessThan(json.get("mannWhitney").get("ciUpper").asDouble());
        assertThat(json.get("effectSize").asDouble()).isGreaterThan(1.2);
    }

    @Test
    void healthyFilesPassWithExitCodeZeroAndReadableText() throws IOException {
        Run r = run("--baseline", file("b", 100, 10, 3, 30).toString(), "--canary", file("c", 100, 10, 4, 30)
                .toString());

        assertThat(r.code()).isEqualTo(OfflineJudge.EXIT_PASS);
        assertThat(r.out()).startsWith("Pass").contains("rank test: U=").contains("decided by: mann-whitney");
    }

    @Test
    void fewLinesAreNotEnoughDataWithItsOwnExitCode() throws IOException {
        Run r = run("--baseline", file("b", 100, 10, 3, 4).toString(), "--canary", file("c", 130, 10, 4, 4)
                .toString(), "--json");

        assertThat(r.code()).isEqualTo(OfflineJudge.EXIT_NO_VERDICT);
        assertThat(new ObjectMapper().readTree(r.out()).get("classification").asText()).isEqualTo("NotEnoughData");
    }

    @Test
    void kayentaOnlyJudgesWhateverItGets() throws IOException {
        Run r = run("--baseline", file("b", 100, 1, 3, 4).toString(), "--canary", file("c", 130, 1, 4, 4)
                .toString(), "--json", "--kayenta-only");

        assertThat(new ObjectMapper().readTree(r.out()).get("classification").asText()).isEqualTo("High");
    }

    @Test
    void countFilesMayCarryExposures() throws IOException {
        String canary = IntStream.range(0, 30).mapToObj(i -> (i % 3 == 0 ? "1" : "0") + ",200")
                .collect(Collectors.joining("\n"));
        String baseline = IntStream.range(0, 30).mapToObj(i -> (i == 7 ? "1" : "0") + " 200")
                .collect(Collectors.joining("\n"));
        MetricResult r = OfflineJudge.judge(Files.writeString(dir.resolve("b"), baseline),
                Files.writeString(dir.resolve("c"), canary), Direction.INCREASE, MetricKind.COUNT);

        assertThat(r.classification()).isEqualTo(Classification.HIGH);
        assertThat(r.rate().canaryExposure()).isEqualTo(6000.0);
        assertThat(r.rate().canaryCount()).isEqualTo(10.0);
        assertThat(OfflineJudge.toJson(r)).contains("\"rateTest\"").contains("\"pValueHigher\"");
    }

    @Test
    void anEmptyBaselineFileIsNodata() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), "# nothing\n\n");
        Run r = run("--baseline", empty.toString(), "--canary", file("c", 100, 10, 4, 30).toString(), "--json");

        assertThat(r.code()).isEqualTo(OfflineJudge.EXIT_NO_VERDICT);
        assertThat(r.out()).contains("\"classification\" : \"Nodata\"").contains("baseline");
    }

    @Test
    void nanIsAMissingSampleAndNonNumbersAreRejected() throws IOException {
        Path withNan = Files.writeString(dir.resolve("n"), "1\nNaN\n2\n");
        assertThat(OfflineJudge.read(withNan, MetricKind.GAUGE)[0]).hasSize(3);

        Path bad = Files.writeString(dir.resolve("bad"), "1\nabc\n");
        assertThatThrownBy(() -> OfflineJudge.read(bad, MetricKind.GAUGE)).hasMessageContaining(":2: not a number");
    }

    @Test
    void badArgumentsPrintUsageAndExitTwo() {
        Run missing = run("--canary", "c.txt");
        Run direction = run("--baseline", "b", "--canary", "c", "--direction", "sideways");

        assertThat(missing.code()).isEqualTo(OfflineJudge.EXIT_USAGE);
        assertThat(missing.err()).contains("usage: nightwatch judge");
        assertThat(direction.code()).isEqualTo(OfflineJudge.EXIT_USAGE);
    }

    @Test
    void optionsParseEveryFlag() {
        OfflineJudge.Options o = OfflineJudge.Options.parse(args("--baseline", "b", "--canary", "c", "--direction",
                "decrease", "--kind", "count", "--json", "--min-samples", "5", "--confidence", "0.95", "--tolerance",
                "0.1", "--kayenta-only"));

        assertThat(o.direction()).isEqualTo(Direction.DECREASE);
        assertThat(o.kind()).isEqualTo(MetricKind.COUNT);
        assertThat(o.json()).isTrue();
        assertThat(o.mode()).isEqualTo(JudgeMode.KAYENTA);
        assertThat(o.minSamples()).isEqualTo(5);
        assertThat(o.confidenceLevel()).isEqualTo(0.95);
        assertThat(o.tolerance()).isEqualTo(0.1);
    }
}
