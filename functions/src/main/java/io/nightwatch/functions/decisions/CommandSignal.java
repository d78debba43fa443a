package io.nightwatch.functions.decisions;

import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.IncidentEvent;

/** What can happen to a command after it was derived: an operator's decision ({@code approval}) or an executor's answer ({@code result}). */
public record CommandSignal(String commandId, IncidentEvent approval, CommandResult result) {

    public static CommandSignal of(IncidentEvent approval) {
        return new CommandSignal(approval.attributes().get(IncidentCommands.COMMAND_ID), approval, null);
    }

    public static CommandSignal of(CommandResult result) {
        return new CommandSignal(result.commandId(), null, result);
    }
}
