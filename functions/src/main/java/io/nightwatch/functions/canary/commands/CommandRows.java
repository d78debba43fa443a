package io.nightwatch.functions.canary.commands;

import io.nightwatch.schemas.CommandOutcome;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.HealingCommand;
import io.nightwatch.schemas.Json;
import java.util.Locale;

/** Builds the {@code commands} rows of a command when issued and when answered. */
public final class CommandRows {

    /** The {@code kind} of a healing command's row. */
    public static final String KIND = "healing";

    private CommandRows() {}

    public static CommandRow issued(HealingCommand c) {
        return row(c, "issued", null, c.createdAt());
    }

    /** The row after the executor's answer (a DUPLICATE answer keeps the first answer's status). */
    public static CommandRow answered(HealingCommand c, CommandResult r) {
        return row(c, status(r.outcome()), r.outcome() + (r.message() == null ? "" : ": " + r.message()), r.at());
    }

    /** The status an answer leaves a command in. */
    public static String status(CommandOutcome outcome) {
        return switch (outcome) {
            case EXECUTED, DUPLICATE -> "executed";
            case NOT_SUPPORTED -> "not_supported";
            case FAILED -> "failed";
            case PENDING_APPROVAL -> "pending_approval";
            case REJECTED -> "rejected";
        };
    }

    private static CommandRow row(HealingCommand c, String status, String result, java.time.Instant at) {
        return new CommandRow(c.commandId(), KIND, c.action().name(), c.service(), c.target(), c.release(), c.incident(),
                c.reason(), c.requiresApproval(), status.toLowerCase(Locale.ROOT), c.issuedBy(), Json.toString(c),
                result, c.createdAt(), c.expiresAt(), at);
    }
}
