package io.nightwatch.api.alerts;

import io.nightwatch.schemas.Alert;
import java.util.List;

/** The alerts of a request in the standard form, and the refused ones ({@code [index] reason}). */
public record Normalized(List<Alert> alerts, List<String> refused, int total) {}
