package io.nightwatch.api.silences;

import io.nightwatch.schemas.Matcher;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What makes a silence acceptable (Alertmanager's rules): at least one matcher, valid label names and regexes, at
 * least one matcher that does not match the empty string (a silence must not mute everything), a comment and an
 * author, an end after the start and not in the past.
 */
public final class SilenceRules {

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private SilenceRules() {}

    /** The reason the silence is not acceptable, or null. */
    public static String problem(List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment,
            Instant now) {
        if (matchers == null || matchers.isEmpty()) {
            return "a silence needs at least one matcher";
        }
        boolean narrows = false;
        for (int i = 0; i < matchers.size(); i++) {
            Matcher m = matchers.get(i);
            if (m == null || m.name() == null || !LABEL_NAME.matcher(m.name()).matches()) {
                return "matchers[" + i + "]: invalid label name '" + (m == null ? null : m.name()) + "'";
            }
            String value = m.value() == null ? "" : m.value();
            boolean matchesEmpty;
            if (m.isRegex()) {
                Pattern p;
                try {
                    p = Pattern.compile("^(?:" + value + ")$");
                } catch (PatternSyntaxException e) {
                    return "matchers[" + i + "]: invalid regular expression '" + value + "': " + e.getDescription();
                }
                matchesEmpty = p.matcher("").matches() == m.isEqual();
            } else {
                matchesEmpty = value.isEmpty() == m.isEqual();
            }
            narrows |= !matchesEmpty;
        }
        if (!narrows) {
            return "at least one matcher must not match the empty string (the silence would mute every alert)";
        }
        if (startsAt == null || endsAt == null) {
            return "startsAt and endsAt are required";
        }
        if (!endsAt.isAfter(startsAt)) {
            return "endsAt (" + endsAt + ") must be after startsAt (" + startsAt + ")";
        }
        if (endsAt.isBefore(now)) {
            return "endsAt (" + endsAt + ") is in the past";
        }
        if (createdBy == null || createdBy.isBlank()) {
            return "createdBy is required";
        }
        if (comment == null || comment.isBlank()) {
            return "comment is required";
        }
        return null;
    }
}
