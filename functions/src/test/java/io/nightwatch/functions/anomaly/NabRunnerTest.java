package io.nightwatch.functions.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabRunnerTest {
    private static final String CATEGORY = "synthetic";

    @TempDir
    Path out;

    @Test
    void writesOneResultRowPerInputRowInTheSameOrder() throws Exception {
        Path input = fixture().resolve("data").resolve(CATEGORY).resolve("x.csv");
        Path output = out.resolve("x_scored.csv");

        int rows = NabRunner.scoreFile(input, output, DetectorParams.defaults());

        List<String> in = Files.readAllLines(input);
        List<String> result = Files.readAllLines(output);
        assertThat(rows).isEqualTo(in.size() - 1);
        assertThat(result).hasSameSizeAs(in);
        assertThat(result.get(0)).isEqualTo("timestamp,value,anomaly_score");
        for (int i = 1; i < in.size(); i++) {
            assertThat(result.get(i)).startsWith(in.get(i) + ",");
            double score = Double.parseDouble(result.get(i).substring(result.get(i).lastIndexOf(',') + 1));
            assertThat(score).isBetween(0.0, 1.0);
        }
    }

    @Test
    void scoresANabLayoutIntoCategoryFoldersWithTheResultPrefix() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        int files = NabRunner.scoreNabDirectory(fixture(), out, DetectorParams.defaults(),
                new PrintStream(progress, true, StandardCharsets.UTF_8));

        Path result = out.resolve(CATEGORY).resolve("nightwatch_x.csv");
        assertThat(files).isEqualTo(1);
        assertThat(result).exists();
        assertThat(Files.readAllLines(result)).hasSameSizeAs(
                Files.readAllLines(fixture().resolve("data").resolve(CATEGORY).resolve("x.csv")));
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("[1/1] synthetic/x.csv");
    }

    @Test
    void flagsTheSpikeInTheFixture() throws Exception {
        Path output = out.resolve("x_scored.csv");
        NabRunner.scoreFile(fixture().resolve("data").resolve(CATEGORY).resolve("x.csv"), output,
                DetectorParams.defaults());

        List<String> result = Files.readAllLines(output);
        String spikeRow = result.stream().filter(r -> r.startsWith("2014-04-02 10:00:00,")).findFirst().orElseThrow();

        assertThat(spikeRow).endsWith(",1.0");
    }

    @Test
    void readsNabIsoAndEpochTimestamps() {
        long expected = 1_396_432_800_000L; // 2014-04-02T10:00:00Z

        assertThat(NabRunner.parseTimestamp("2014-04-02 10:00:00")).isEqualTo(expected);
        assertThat(NabRunner.parseTimestamp("2014-04-02 10:00:00.000000")).isEqualTo(expected);
        assertThat(NabRunner.parseTimestamp("2014-04-02T10:00:00Z")).isEqualTo(expected);
        assertThat(NabRunner.parseTimestamp("1396432800000")).isEqualTo(expected);
    }

    private static Path fixture() throws URISyntaxException {
        return Path.of(NabRunnerTest.class.getResource("/nab-fixture").toURI());
    }
}
