package io.nightwatch.functions.incidents.enrich;

import java.io.Serializable;

/** A service as the catalog ({@code services} table) describes it: owning team and tier. */
public record ServiceInfo(String name, String team, String tier) implements Serializable {}
