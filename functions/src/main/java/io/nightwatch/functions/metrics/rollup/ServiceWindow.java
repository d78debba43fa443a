package io.nightwatch.functions.metrics.rollup;

import java.util.ArrayList;
import java.util.List;

/** One open window of a service-level series: merged figures and the instances' sketches to merge at close. */
public final class ServiceWindow {
    public String service;
    public String metric;
    public String resolution;
    public long start;
    public long count;
    public double sum;
    public double min = Double.POSITIVE_INFINITY;
    public double max = Double.NEGATIVE_INFINITY;
    public List<byte[]> sketches = new ArrayList<>();
}
