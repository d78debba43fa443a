package io.nightwatch.api.silences;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.nightwatch.schemas.Matcher;
import java.time.Instant;
import java.util.List;

/** The body of {@code POST /api/silences} (Alertmanager API v2's postable silence; {@code id} to update one). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostableSilence(String id, List<MatcherBody> matchers, Instant startsAt, Instant endsAt, String createdBy,
        String comment) {

    /** A matcher; {@code isEqual} defaults to true as in Alertmanager. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MatcherBody(String name, String value, Boolean isRegex, Boolean isEqual) {
        public Matcher toMatcher() {
            return new Matcher(name, value == null ? "" : value, Boolean.TRUE.equals(isRegex), isEqual == null || isEqual);
        }
    }
}
