package io.nightwatch.functions.incidents.flink;

import static io.nightwatch.functions.incidents.TestAlerts.BEGINNING;
import static io.nightwatch.functions.incidents.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.incidents.converge.ConvergenceState;
import io.nightwatch.functions.incidents.grouping.AggregationGroup;
import io.nightwatch.functions.incidents.grouping.GroupState;
import io.nightwatch.functions.incidents.config.IncidentsConfigParser;
import io.nightwatch.functions.incidents.config.Route;
import io.nightwatch.functions.incidents.model.AlertInstance;
import io.nightwatch.functions.incidents.model.AlertInstanceTypeInfo;
import io.nightwatch.functions.incidents.model.IncidentRow;
import io.nightwatch.functions.incidents.model.IncidentUpdate;
import io.nightwatch.functions.incidents.model.MuteSignal;
import io.nightwatch.functions.incidents.model.RoutedAlert;
import io.nightwatch.functions.incidents.model.RoutedAlertTypeInfo;
import io.nightwatch.functions.incidents.muting.SourceVersions;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How Flink serializes the incidents job's records and state: never with Kryo, and losslessly. */
class FlinkTypesTest {

    static Stream<Class<?>> types() {
        return Stream.of(AlertInstance.class, RoutedAlert.class, MuteSignal.class, IncidentUpdate.class, IncidentRow.class,
                GroupState.class, ConvergenceState.class, SourceVersions.class);
    }

    @ParameterizedTest(name = "{0} needs no Kryo")
    @MethodSource("types")
    void everyRecordAndStateTypeHasASerializerWithoutKryo(Class<?> type) {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false); // a field falling back to Kryo would throw here
        assertThat(TypeInformation.of(type).createSerializer(config)).isNotNull();
    }

    @Test
    void alertsUseTheirOwnSerializersAndRoundTrip() throws Exception {
        assertThat(TypeInformation.of(AlertInstance.class)).isInstanceOf(AlertInstanceTypeInfo.class);
        assertThat(TypeInformation.of(RoutedAlert.class)).isInstanceOf(RoutedAlertTypeInfo.class);
        AlertInstance a = alert("alertname=A", "service=é\"x").annotation("summary", "s").at(BEGINNING).build();
        RoutedAlert r = new RoutedAlert("0 {}:{alertname=\"A\"}", 3, a);
        assertThat(roundTrip(TypeInformation.of(RoutedAlert.class), r)).isEqualTo(r);
        AlertInstance noUrl = new AlertInstance("f", a.labels(), a.annotations(), 1, 2, true, 3, null, null);
        assertThat(roundTrip(TypeInformation.of(AlertInstance.class), noUrl)).isEqualTo(noUrl);
    }

    @Test
    void aGroupsStateRoundTrips() throws Exception {
        Route route = IncidentsConfigParser.parse("route: {receiver: r, group_by: [alertname]}", "t").routes().root();
        AlertInstance a = alert("alertname=A", "instance=1").at(BEGINNING).build();
        GroupState g = AggregationGroup.create(route, "{}:{alertname=\"A\"}", route.groupLabels(a.labels()), BEGINNING);
        AggregationGroup.insert(g, a, route);
        GroupState copy = roundTrip(TypeInformation.of(GroupState.class), g);
        assertThat(copy.alerts.get(a.fingerprint()).versions).containsExactly(a);
        assertThat(copy.nextFlushAt).isEqualTo(g.nextFlushAt);
        assertThat(copy.groupKey).isEqualTo(g.groupKey);
    }

    private static <T> T roundTrip(TypeInformation<T> info, T value) throws Exception {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<T> s = info.createSerializer(config);
        DataOutputSerializer out = new DataOutputSerializer(256);
        s.serialize(value, out);
        return s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
