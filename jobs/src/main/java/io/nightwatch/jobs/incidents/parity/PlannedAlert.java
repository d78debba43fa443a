package io.nightwatch.jobs.incidents.parity;

import java.util.Map;

/** One alert post of the generated stream: its labels and annotations, and whether it resolves the alert. */
public record PlannedAlert(Map<String, String> labels, Map<String, String> annotations, boolean resolve) {}
