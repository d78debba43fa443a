package io.nightwatch.functions.incidents.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses matchers in Alertmanager's text syntax: {@code name="value"}, {@code name!="value"}, {@code name=~"re"},
 * {@code name!~"re"}, values quoted (with {@code \\}, {@code \"}, {@code \n} escapes) or bare, several separated by
 * commas, optionally inside braces: {@code {team="db", severity=~"critical|page"}}.
 */
public final class MatcherParser {

    private MatcherParser() {}

    /** Every matcher of one line; raises {@link InvalidConfigException} naming the problem. */
    public static List<LabelMatcher> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidConfigException("empty matcher");
        }
        String s = text.trim();
        if (s.startsWith("{")) {
            if (!s.endsWith("}")) {
                throw new InvalidConfigException("matcher " + text + ": missing closing '}'");
            }
            s = s.substring(1, s.length() - 1);
        }
        List<LabelMatcher> out = new ArrayList<>();
        int i = skipSpaces(s, 0);
        while (i < s.length()) {
            int nameStart = i;
            if (!isNameStart(s.charAt(i))) {
                throw new InvalidConfigException("matcher " + text + ": expected a label name at position " + (i + 1));
            }
            while (i < s.length() && isNameChar(s.charAt(i))) {
                i++;
            }
            String name = s.substring(nameStart, i);
            i = skipSpaces(s, i);
            MatchType type;
            if (s.startsWith("=~", i)) {
                type = MatchType.REGEX;
            } else if (s.startsWith("!~", i)) {
                type = MatchType.NOT_REGEX;
            } else if (s.startsWith("!=", i)) {
                type = MatchType.NOT_EQUAL;
            } else if (s.startsWith("=", i)) {
                type = MatchType.EQUAL;
            } else {
                throw new InvalidConfigException("matcher " + text + ": expected =, !=, =~ or !~ after '" + name + "'");
            }
            i = skipSpaces(s, i + type.operator().length());
            StringBuilder value = new StringBuilder();
            if (i < s.length() && s.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < s.length()) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < s.length()) {
                        char e = s.charAt(i++);
                        value.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> e;
                        });
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new InvalidConfigException("matcher " + text + ": unterminated quoted value for '" + name + "'");
                }
            } else {
                int start = i;
                while (i < s.length() && s.charAt(i) != ',') {
                    if (s.charAt(i) == '"') {
                        throw new InvalidConfigException("matcher " + text + ": stray '\"' in the value of '" + name + "'");
                    }
                    i++;
                }
                value.append(s, start, i);
                String trimmed = value.toString().trim();
                value.setLength(0);
                value.append(trimmed);
            }
            out.add(LabelMatcher.of(name, type, value.toString()));
            i = skipSpaces(s, i);
            if (i < s.length()) {
                if (s.charAt(i) != ',') {
                    throw new InvalidConfigException("matcher " + text + ": expected ',' after the value of '" + name + "'");
                }
                i = skipSpaces(s, i + 1);
            }
        }
        if (out.isEmpty()) {
            throw new InvalidConfigException("empty matcher");
        }
        return out;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || c == ':' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
