package io.nightwatch.functions.canary.commands;

import io.nightwatch.functions.canary.suspect.Suspicion;
import io.nightwatch.schemas.CanaryVerdict;
import io.nightwatch.schemas.HealingAction;
import io.nightwatch.schemas.HealingCommand;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The healing commands the canary job issues, with idempotency keys derived from their cause: a stage verdict
 * ({@code canary:<release>:<stage>:<ACTION>}: FAIL rolls back, MARGINAL and NOT_ENOUGH_DATA pause for a human)
 * or a suspicion ({@code canary:<release>:suspect:<instance>:ROLLBACK_RELEASE}). A replay derives the same ids.
 */
public final class CanaryCommands {

    /** Every command id of the canary job starts with this. */
    public static final String PREFIX = "canary:";
    /** The {@code issuedBy} of the canary job's commands. */
    public static final String ISSUER = "canary-judge";

    private CanaryCommands() {}

    public static String stageCommandId(String release, int stage, HealingAction action) {
        return PREFIX + release + ":" + stage + ":" + action;
    }

    public static String suspectCommandId(String release, String instance, HealingAction action) {
        return PREFIX + release + ":suspect:" + instance + ":" + action;
    }

    /** Whether the canary job issued this command. */
    public static boolean isOwn(String commandId) {
        return commandId != null && commandId.startsWith(PREFIX);
    }

    /** What a stage verdict asks of the release system; nothing on PASS (the verdict itself lets it proceed). */
    public static Optional<HealingCommand> forStage(CanaryVerdict v, Duration expiry) {
        HealingAction action = switch (v.outcome()) {
            case PASS -> null;
            case FAIL -> HealingAction.ROLLBACK_RELEASE;
            case MARGINAL, NOT_ENOUGH_DATA -> HealingAction.PAUSE_RELEASE;
        };
        if (action == null) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("stage", Integer.toString(v.stage()));
        parameters.put("outcome", v.outcome().name());
        parameters.put("score", String.format(Locale.ROOT, "%.2f", v.score()));
        parameters.put("version", v.version());
        String reason = "canary stage " + v.stage() + " " + v.outcome() + ": " + v.reason();
        return Optional.of(new HealingCommand(stageCommandId(v.release(), v.stage(), action), action, v.service(),
                v.release(), v.release(), reason, null, false, v.judgedAt(), v.judgedAt().plus(expiry), ISSUER,
                parameters));
    }

    /** The rollback a suspicion asks for, aimed at the alerting instance (the release system finds its release). */
    public static HealingCommand forSuspicion(Suspicion s, Duration expiry) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("instance", s.instance());
        parameters.put("alert", s.alertName());
        parameters.put("fingerprint", s.fingerprint());
        parameters.put("version", s.version());
        parameters.put("changedAt", s.changedAt().toString());
        return new HealingCommand(suspectCommandId(s.release(), s.instance(), HealingAction.ROLLBACK_RELEASE),
                HealingAction.ROLLBACK_RELEASE, s.service(), s.instance(), s.release(), "release suspect: " + s.reason(),
                null, false, s.alertAt(), s.alertAt().plus(expiry), ISSUER, parameters);
    }
}
