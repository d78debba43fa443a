package io.nightwatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins the wire format of every record that crosses a process boundary, and how Flink serializes it. */
class RecordContractTest {

    static Stream<Arguments> contracts() {
        return Stream.of(
                Arguments.of("metric-point.json", MetricPoint.class, "nw.metrics"),
                Arguments.of("rollup.json", Rollup.class, "nw.rollups"),
                Arguments.of("alert.json", Alert.class, "nw.alerts"),
                Arguments.of("release-event.json", ReleaseEvent.class, "nw.releases"),
                Arguments.of("alert-rule.json", AlertRule.class, "nw.rules"),
                Arguments.of("silence.json", Silence.class, "nw.silences"),
                Arguments.of("anomaly.json", Anomaly.class, "nw.anomalies"),
                Arguments.of("incident-event.json", IncidentEvent.class, "nw.incidents"),
                Arguments.of("healing-command.json", HealingCommand.class, "nw.commands.healing"),
                Arguments.of("rule-change-command.json", RuleChangeCommand.class, "nw.commands.rules"),
                Arguments.of("command-result.json", CommandResult.class, "nw.commands.results"),
                Arguments.of("approval.json", IncidentEvent.class, "nw.approvals"),
                Arguments.of("dead-letter.json", DeadLetter.class, "nw.deadletter"),
                Arguments.of("canary-verdict.json", CanaryVerdict.class, "nw.canary.verdicts"),
                Arguments.of("analysis-request.json", AnalysisRequest.class, "analyzer.request"),
                Arguments.of("analysis-result.json", AnalysisResult.class, "analyzer.result"));
    }

    @ParameterizedTest(name = "{0} is valid against {2}.schema.json")
    @MethodSource("contracts")
    void fixtureIsValidAgainstTheTopicSchema(String fixture, Class<?> type, String topic) throws IOException {
        JsonSchema schema;
        try (InputStream in = resource("/json-schema/" + topic + ".schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(fixtureTree(fixture));
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "{0} round-trips through {1}")
    @MethodSource("contracts")
    void fixtureRoundTripsUnchanged(String fixture, Class<?> type, String topic) throws IOException {
        JsonNode expected = fixtureTree(fixture);
        Object record = Json.mapper().treeToValue(expected, type);
        JsonNode written = Json.mapper().readTree(Json.toBytes(record));
        assertThat(written).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} is a Flink POJO without Kryo")
    @MethodSource("contracts")
    void flinkSerializesTheRecordAsAPojoWithoutKryo(String fixture, Class<?> type, String topic) throws IOException {
        TypeInformation<Object> info = pojoInfo(type);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);

        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false); // any field that would fall back to Kryo now throws
        TypeSerializer<Object> serializer = info.createSerializer(config);

        Object record = Json.mapper().treeToValue(fixtureTree(fixture), type);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(record, out);
        Object copy = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        JsonNode copyTree = Json.mapper().valueToTree(copy);
        JsonNode recordTree = Json.mapper().valueToTree(record);
        assertThat(copyTree).isEqualTo(recordTree);
    }

    @SuppressWarnings("unchecked")
    private static TypeInformation<Object> pojoInfo(Class<?> type) {
        return (TypeInformation<Object>) TypeInformation.of(type);
    }

    private static JsonNode fixtureTree(String fixture) throws IOException {
        try (InputStream in = resource("/fixtures/" + fixture)) {
            return Json.mapper().readTree(in);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = RecordContractTest.class.getResourceAsStream(path);
        assertThat(in).as(path).isNotNull();
        return in;
    }
}
