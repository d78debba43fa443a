package io.nightwatch.functions.incidents.config;

import static io.nightwatch.functions.incidents.TestAlerts.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatcherParserTest {

    @Test
    void parsesQuotedBareAndBracedMatchersOfEveryType() {
        List<LabelMatcher> ms = MatcherParser.parse("{team=\"db\", severity=~\"critical|page\", env!=prod , x!~ \"a.*\"}");
        assertThat(ms).extracting(LabelMatcher::toString)
                .containsExactly("team=\"db\"", "severity=~\"critical|page\"", "env!=\"prod\"", "x!~\"a.*\"");
    }

    @Test
    void unescapesQuotedValues() {
        LabelMatcher m = MatcherParser.parse("msg=\"say \\\"hi\\\" \\\\ now\"").get(0);
        assertThat(m.value()).isEqualTo("say \"hi\" \\ now");
        assertThat(m.toString()).isEqualTo("msg=\"say \\\"hi\\\" \\\\ now\"");
    }

    @Test
    void anchorsRegexesLikeAlertmanager() {
        LabelMatcher m = MatcherParser.parse("x=~\"a|b\"").get(0);
        assertThat(m.matches(labels("x=a"))).isTrue();
        assertThat(m.matches(labels("x=b"))).isTrue();
        assertThat(m.matches(labels("x=ab"))).isFalse();
        assertThat(m.matches(labels("x=xa"))).isFalse();
    }

    @Test
    void readsAMissingLabelAsTheEmptyString() {
        assertThat(MatcherParser.parse("foo=\"\"").get(0).matches(labels("bar=1"))).isTrue();
        assertThat(MatcherParser.parse("foo!=\"\"").get(0).matches(labels("bar=1"))).isFalse();
        assertThat(MatcherParser.parse("foo=~\".*\"").get(0).matches(labels("bar=1"))).isTrue();
        assertThat(MatcherParser.parse("foo!~\".+\"").get(0).matches(labels("bar=1"))).isTrue();
        assertThat(MatcherParser.parse("foo!=\"x\"").get(0).matches(labels("bar=1"))).isTrue();
    }

    @Test
    void refusesMalformedMatchersWithTheReason() {
        assertThatThrownBy(() -> MatcherParser.parse("")).hasMessage("empty matcher");
        assertThatThrownBy(() -> MatcherParser.parse("1a=\"b\"")).hasMessageContaining("expected a label name");
        assertThatThrownBy(() -> MatcherParser.parse("a~\"b\"")).hasMessageContaining("expected =, !=, =~ or !~");
        assertThatThrownBy(() -> MatcherParser.parse("a=\"b")).hasMessageContaining("unterminated quoted value");
        assertThatThrownBy(() -> MatcherParser.parse("a=~\"(\"")).hasMessageContaining("invalid regular expression");
        assertThatThrownBy(() -> MatcherParser.parse("{a=\"b\"")).hasMessageContaining("missing closing '}'");
        assertThatThrownBy(() -> MatcherParser.parse("a=\"b\" c=\"d\"")).hasMessageContaining("expected ','");
    }

    @Test
    void sortsMatchersByNameValueAndTypeForTheRouteKey() {
        Matchers ms = Matchers.parse(List.of("z=\"1\"", "a=~\"x\"", "a=\"x\""));
        assertThat(ms.toString()).isEqualTo("{a=\"x\",a=~\"x\",z=\"1\"}");
    }
}
