package io.nightwatch.api.services;

import java.util.List;

/** A service as listed by {@code GET /api/services}: its instances, versions and latest figures (null when none yet). */
public record ServiceSummary(String name, int instances, List<String> versions, LatestFigures latest) {}
