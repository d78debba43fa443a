package io.nightwatch.functions.incidents.flink;

import io.nightwatch.functions.incidents.config.IncidentsConfig;
import io.nightwatch.functions.incidents.config.Route;
import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.functions.incidents.model.MuteSignal;
import io.nightwatch.functions.incidents.model.RoutedAlert;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sends each alert to the aggregation group of every route it matches (Alertmanager's routing tree), and a copy of
 * every alert matching an inhibition rule's source side to the broadcast side output.
 */
public final class RouteAlerts extends ProcessFunction<AlertInstance, RoutedAlert> {

    private static final long serialVersionUID = 1L;

    private final IncidentsConfig config;

    public RouteAlerts(IncidentsConfig config) {
        this.config = config;
    }

    @Override
    public void processElement(AlertInstance alert, Context ctx, Collector<RoutedAlert> out) {
        List<Route> routes = config.routes().match(alert.labels());
        for (Route route : routes) {
            Map<String, String> groupLabels = route.groupLabels(alert.labels());
            out.collect(new RoutedAlert(groupId(route, groupLabels), route.index(), alert));
        }
        if (config.isInhibitionSource(alert.labels())) {
            ctx.output(IncidentTags.INHIBITION_SOURCES, MuteSignal.ofSource(alert));
        }
    }

    /** The Flink key of a group: the route's index and the group key (unique even if two routes share a key). */
    public static String groupId(Route route, Map<String, String> groupLabels) {
        return route.index() + " " + route.groupKey(groupLabels);
    }
}
