package io.nightwatch.functions.canary;

/** Which judge runs: exactly Kayenta's, or Kayenta's plus Nightwatch's rate, spread and sample-size rules. */
public enum JudgeMode {
    KAYENTA,
    ENHANCED
}
