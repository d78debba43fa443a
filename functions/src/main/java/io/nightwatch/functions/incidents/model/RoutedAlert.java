package io.nightwatch.functions.incidents.model;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/** An alert on its way to one aggregation group: the group's Flink key, the route, and the alert. */
@TypeInfo(RoutedAlertTypeInfo.Factory.class)
public record RoutedAlert(String groupId, int routeIndex, AlertInstance alert) {}
