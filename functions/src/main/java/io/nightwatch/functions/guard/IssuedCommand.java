package io.nightwatch.functions.guard;

import io.nightwatch.schemas.AnalysisAction;

/** One command the guard let through (allowed or held): which service, which action, when (epoch ms). */
public record IssuedCommand(String service, AnalysisAction action, long atMillis) {}
