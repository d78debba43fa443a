package io.nightwatch.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code nightwatch analyzer} refuses bad options with exit code 2 before starting anything. */
class AnalyzerCommandTest {

    @Test
    void refusesAnUnknownProviderWithExitCode2() {
        assertThat(Nightwatch.run(new String[] {"analyzer", "--provider", "gemini"})).isEqualTo(2);
    }

    @Test
    void refusesAnUnknownOptionWithExitCode2() {
        assertThat(Nightwatch.run(new String[] {"analyzer", "--prot", "8090"})).isEqualTo(2);
    }

    @Test
    void listsTheAnalyzerInTheHelp() {
        assertThat(Nightwatch.USAGE).contains("analyzer       run the AI analyzer service").contains("--provider builtin");
    }
}
