package io.nightwatch.schemas;

/** The kinds of step an analysis takes; each step is one entry of the incident's event log. */
public enum AnalysisStepKind {
    /** A builtin rule was evaluated. */
    RULE,
    /** The incident's text was scanned for instruction-like content. */
    INPUT_SCAN,
    /** The prompt was built (its version and size; the text itself is not repeated). */
    PROMPT,
    /** One round trip to the model. */
    MODEL_CALL,
    /** A drill-down tool ran, with its arguments and a summary of its result. */
    TOOL_CALL,
    /** The model's answer was parsed and checked. */
    VALIDATION,
    /** A step or time budget ran out. */
    BUDGET,
    /** The builtin rules took over, with the reason. */
    FALLBACK
}
