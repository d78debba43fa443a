package io.nightwatch.functions.decisions;

import static io.nightwatch.schemas.testing.Incidents.canaryIncident;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightwatch.functions.analysis.AnalyzedIncident;
import io.nightwatch.schemas.AnalysisAction;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.CommandOutcome;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.testing.Incidents;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** What flows between the decision operators and sits in their state travels as Flink POJOs, never with Kryo. */
class DecisionSerializationTest {

    @Test
    void theDecisionRecordsAreFlinkPojosWithoutKryo() throws IOException {
        AnalysisRequest q = canaryIncident();
        GuardedDecision guarded = Decisions.guarded(q, Decisions.result(q, AnalysisAction.SCALE_OUT, "checkout",
                Map.of("replicas", "1"), 0.8));
        IncidentCommand command = new DecisionCommands(Decisions.EXPIRY).healing(guarded).orElseThrow();
        RuleProposal proposal = new RuleProposal("inc-1:ADJUST_RULE:r", "r", "inc-1", "checkout", "t", "warning",
                Map.of("forSeconds", "300"), "why", Map.of("a", "b"), false, Decisions.DECIDED, Decisions.DECIDED, "x");

        assertThat(roundTrip(AnalyzedIncident.class, Decisions.analyzed(q))).isEqualTo(Decisions.analyzed(q));
        assertThat(roundTrip(GuardedDecision.class, guarded)).isEqualTo(guarded);
        assertThat(roundTrip(IncidentCommand.class, command)).isEqualTo(command);
        assertThat(roundTrip(RuleProposal.class, proposal)).isEqualTo(proposal);
        CommandSignal signal = CommandSignal.of(new CommandResult("inc-1:X:y", CommandOutcome.EXECUTED, "e", null, null, null,
                Decisions.DECIDED));
        assertThat(roundTrip(CommandSignal.class, signal)).isEqualTo(signal);
        AlertEpisodes episodes = new AlertEpisodes(List.of(Incidents.firing("HighLatency", "checkout-1", Decisions.OPENED)));
        assertThat(roundTrip(AlertEpisodes.class, episodes)).isEqualTo(episodes);
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
