package io.nightwatch.analyzer.agent;

import java.time.Duration;

/**
 * The agent's limits: tool calls per analysis, model round trips per analysis (the last one offers no tools, so the
 * model must answer), the total time of one analysis (then the builtin rules decide), and the characters of one
 * tool output the model sees.
 */
public record AgentBudgets(int maxToolCalls, int maxModelTurns, Duration total, int toolOutputChars) {

    public AgentBudgets {
        if (maxToolCalls < 0 || maxModelTurns < 1 || total == null || total.isNegative() || total.isZero()
                || toolOutputChars < 200) {
            throw new IllegalArgumentException("bad agent budgets: tool calls " + maxToolCalls + ", model turns "
                    + maxModelTurns + ", total " + total + ", tool output chars " + toolOutputChars);
        }
    }

    /** 8 tool calls, 6 model turns, 60 s, 4000 characters per tool output. */
    public static AgentBudgets defaults() {
        return new AgentBudgets(8, 6, Duration.ofSeconds(60), 4000);
    }
}
