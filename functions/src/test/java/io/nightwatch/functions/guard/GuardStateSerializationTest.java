package io.nightwatch.functions.guard;

import static io.nightwatch.schemas.testing.Incidents.canaryIncident;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisDecision;
import io.nightwatch.schemas.AnalysisResult;
import io.nightwatch.schemas.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** The guard's state and verdict travel through Flink without Kryo; its policy ships to the TaskManagers. */
class GuardStateSerializationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T05:43:05Z");

    @Test
    void rateLimitStateIsAFlinkPojoForKeyedState() throws IOException {
        RateLimitState state = new RateLimitState(List.of(new IssuedCommand("checkout", AnalysisAction.ROLLBACK_RELEASE, 1L),
                new IssuedCommand("checkout", AnalysisAction.SCALE_OUT, 3L)));

        assertThat(roundTrip(RateLimitState.class, state)).isEqualTo(state);
    }

    @Test
    void guardVerdictIsAFlinkPojoAndReadsAsJsonForTheEventLog() throws IOException {
        GuardVerdict verdict = new Guard(GuardPolicy.defaults()).evaluate(canaryIncident(),
                new AnalysisResult("inc-1#1", "inc-1", "c", 0.9, List.of(),
                        new AnalysisDecision(AnalysisAction.ROLLBACK_RELEASE, "rel-42", Map.of(), "r"), "builtin",
                        false, null, List.of(), NOW, NOW, 0),
                RateLimitState.empty(), NOW).verdict();

        assertThat(roundTrip(GuardVerdict.class, verdict)).isEqualTo(verdict);
        assertThat(Json.fromString(Json.toString(verdict), GuardVerdict.class)).isEqualTo(verdict);
        assertThat(Json.mapper().readTree(Json.toString(verdict)).get("checks").get(3).toString())
                .isEqualTo("{\"name\":\"active-release\",\"outcome\":\"PASS\","
                        + "\"detail\":\"release rel-42 is active (STAGE_STARTED, stage 1/4)\"}");
    }

    @Test
    void thePolicyIsSerializable() throws Exception {
        GuardPolicy policy = GuardPolicy.defaults();

        assertThat(InstantiationUtil.clone(policy)).isEqualTo(policy);
    }

    private static <T> T roundTrip(Class<T> type, T value) throws IOException {
        TypeInformation<T> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<T> serializer = info.createSerializer(config);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
