package io.nightwatch.jobs.incidents;

import io.nightwatch.functions.analysis.AnalyzerClientSettings;
import io.nightwatch.functions.guard.GuardPolicy;
import io.nightwatch.jobs.config.ConfigException;
import io.nightwatch.jobs.config.JobArgs;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.Topics;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * How the incidents job decides what to do about an incident (given {@code --analyzer-url}): the analyzer it asks
 * (Async I/O timeout and capacity, the HTTP timeout nested inside), the guard's policy, where commands go and come
 * back, how long a held command waits for approval, and how much alert history an analysis sees. Built by
 * {@link #fromArgs}; null in {@link IncidentsJobConfig} when no analyzer is configured (the job then stops at
 * {@code ANALYSIS_REQUESTED}).
 */
public record DecisionConfig(
        AnalyzerClientSettings analyzer,
        Duration asyncTimeout,
        int capacity,
        String rulesTopic,
        String resultsTopic,
        String healingTopic,
        String ruleCommandsTopic,
        Duration commandExpiry,
        Duration commandRetention,
        Duration alertHistory,
        Duration ruleWait,
        GuardPolicy guard) implements Serializable {

    public static final String ANALYZER_URL = "analyzer-url";
    public static final String ANALYZER_TOKEN_FILE = "analyzer-token-file";
    public static final String ANALYZER_TIMEOUT = "analyzer-timeout";
    public static final String ANALYZER_CAPACITY = "analyzer-capacity";
    public static final String RULES_TOPIC = "rules-topic";
    public static final String RESULTS_TOPIC = "results-topic";
    public static final String HEALING_TOPIC = "healing-topic";
    public static final String RULE_COMMANDS_TOPIC = "rule-commands-topic";
    public static final String COMMAND_EXPIRY = "command-expiry";
    public static final String COMMAND_RETENTION = "command-retention";
    public static final String ALERT_HISTORY = "alert-history";
    public static final String GUARD_ACTIONS = "guard-actions";
    public static final String GUARD_APPROVAL = "guard-approval";
    public static final String GUARD_MIN_CONFIDENCE = "guard-min-confidence";

    public static final String USAGE = """
                         [--analyzer-url http://analyzer:8090 (none: no analysis, the job stops at ANALYSIS_REQUESTED)]
                         [--analyzer-token-file FILE (else NW_ANALYZER_TOKEN on the TaskManagers)]
                         [--analyzer-timeout 45s (HTTP timeout nested 1/5, at most 5s, inside)] [--analyzer-capacity 100]
                         [--rules-topic nw.rules] [--results-topic nw.commands.results]
                         [--healing-topic nw.commands.healing] [--rule-commands-topic nw.commands.rules]
                         [--command-expiry 30min] [--command-retention 1d] [--alert-history 1h]
                         [--guard-actions all|A,B] [--guard-approval SCALE_OUT,SILENCE|none] [--guard-min-confidence 0.5]
            """;

    /** The decision settings, or null without {@code --analyzer-url} (every other decision option is then refused). */
    public static DecisionConfig fromArgs(JobArgs args) {
        String url = args.optional(ANALYZER_URL, null);
        String tokenFile = args.optional(ANALYZER_TOKEN_FILE, null);
        Duration timeout = args.duration(ANALYZER_TIMEOUT, Duration.ofSeconds(45));
        int capacity = args.integer(ANALYZER_CAPACITY, 100, 1, 100_000);
        String rules = args.optional(RULES_TOPIC, Topics.RULES);
        String results = args.optional(RESULTS_TOPIC, Topics.COMMAND_RESULTS);
        String healing = args.optional(HEALING_TOPIC, Topics.COMMANDS_HEALING);
        String ruleCommands = args.optional(RULE_COMMANDS_TOPIC, Topics.COMMANDS_RULES);
        Duration expiry = args.duration(COMMAND_EXPIRY, Duration.ofMinutes(30));
        Duration retention = args.duration(COMMAND_RETENTION, Duration.ofDays(1));
        Duration history = args.duration(ALERT_HISTORY, Duration.ofHours(1));
        String actions = args.optional(GUARD_ACTIONS, "all");
        String approval = args.optional(GUARD_APPROVAL, null);
        double minConfidence = args.fraction(GUARD_MIN_CONFIDENCE, GuardPolicy.defaults().minConfidenceForAutomatic());
        if (url == null) {
            for (String key : new String[] {ANALYZER_TOKEN_FILE, ANALYZER_TIMEOUT, ANALYZER_CAPACITY, RULES_TOPIC,
                    RESULTS_TOPIC, HEALING_TOPIC, RULE_COMMANDS_TOPIC, COMMAND_EXPIRY, COMMAND_RETENTION, ALERT_HISTORY,
                    GUARD_ACTIONS, GUARD_APPROVAL, GUARD_MIN_CONFIDENCE}) {
                if (args.optional(key, null) != null) {
                    throw new ConfigException("--" + key + " needs --" + ANALYZER_URL + " (without it the job does not "
                            + "analyze incidents)");
                }
            }
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--" + ANALYZER_URL + ": not a URL: " + url);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new ConfigException("--" + ANALYZER_URL + ": expected http(s)://host:port, got " + url);
        }
        positive(ANALYZER_TIMEOUT, timeout);
        positive(COMMAND_EXPIRY, expiry);
        positive(COMMAND_RETENTION, retention);
        positive(ALERT_HISTORY, history);
        if (retention.compareTo(expiry) < 0) {
            throw new ConfigException("--" + COMMAND_RETENTION + " (" + retention + ") must be at least --" + COMMAND_EXPIRY
                    + " (" + expiry + ")");
        }
        GuardPolicy defaults = GuardPolicy.defaults();
        Set<AnalysisAction> allowed = actions(GUARD_ACTIONS, actions);
        Set<AnalysisAction> risky = approval == null ? defaults.riskyActions()
                : actions(GUARD_APPROVAL, approval);
        GuardPolicy guard = new GuardPolicy(allowed, risky, minConfidence, defaults.perService(), defaults.perAction());
        String token = tokenFile == null ? null : readToken(tokenFile);
        AnalyzerClientSettings analyzer = new AnalyzerClientSettings(uri, token, Duration.ofSeconds(2), nested(timeout));
        return new DecisionConfig(analyzer, timeout, capacity, rules, results, healing, ruleCommands, expiry, retention,
                history, Duration.ofMinutes(2), guard);
    }

    /** The HTTP request timeout inside the Async I/O timeout: a fifth less, at most 5 s less, so HTTP gives up first. */
    static Duration nested(Duration asyncTimeout) {
        long margin = Math.min(5000, asyncTimeout.toMillis() / 5);
        return Duration.ofMillis(Math.max(1, asyncTimeout.toMillis() - margin));
    }

    private static Set<AnalysisAction> actions(String key, String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("all")) {
            return EnumSet.allOf(AnalysisAction.class);
        }
        if (v.equalsIgnoreCase("none") || v.isEmpty()) {
            return EnumSet.noneOf(AnalysisAction.class);
        }
        Set<AnalysisAction> out = EnumSet.noneOf(AnalysisAction.class);
        for (String part : v.split(",")) {
            try {
                out.add(AnalysisAction.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--" + key + ": unknown action '" + part.trim() + "' (known: "
                        + EnumSet.allOf(AnalysisAction.class) + ", all, none)");
            }
        }
        return out;
    }

    private static void positive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException("--" + key + ": must be more than zero, got " + d);
        }
    }

    private static String readToken(String file) {
        try {
            String token = Files.readString(Path.of(file)).strip();
            if (token.isEmpty()) {
                throw new ConfigException("--" + ANALYZER_TOKEN_FILE + ": " + file + " is empty");
            }
            return token;
        } catch (IOException e) {
            throw new ConfigException("--" + ANALYZER_TOKEN_FILE + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "DecisionConfig[analyzer=" + analyzer + ", asyncTimeout=" + asyncTimeout + ", capacity=" + capacity
                + ", topics=" + rulesTopic + "," + resultsTopic + "," + healingTopic + "," + ruleCommandsTopic
                + ", commandExpiry=" + commandExpiry + ", alertHistory=" + alertHistory + ", guard=" + guard + "]";
    }
}
