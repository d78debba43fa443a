package io.nightwatch.functions.incidents.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer for {@link AlertInstance}, on the wire and in state. An alert instance never changes after it is
 * built, so copying it is free; strings are written as UTF-8 bytes in one call (Flink's default writes them
 * character by character, which dominated the job's profile).
 */
public final class AlertInstanceSerializer extends TypeSerializerSingleton<AlertInstance> {

    private static final long serialVersionUID = 1L;

    public static final AlertInstanceSerializer INSTANCE = new AlertInstanceSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public AlertInstance createInstance() {
        return new AlertInstance("", Map.of(), Map.of(), 0, 0, false, 0, null, null);
    }

    @Override
    public AlertInstance copy(AlertInstance from) {
        return from;
    }

    @Override
    public AlertInstance copy(AlertInstance from, AlertInstance reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(AlertInstance a, DataOutputView out) throws IOException {
        writeString(out, a.fingerprint());
        writeMap(out, a.labels());
        writeMap(out, a.annotations());
        out.writeLong(a.startsAt());
        out.writeLong(a.endsAt());
        out.writeBoolean(a.timeout());
        out.writeLong(a.receivedAt());
        writeString(out, a.source());
        writeString(out, a.generatorUrl());
    }

    @Override
    public AlertInstance deserialize(DataInputView in) throws IOException {
        return new AlertInstance(readString(in), readMap(in), readMap(in), in.readLong(), in.readLong(), in.readBoolean(),
                in.readLong(), readString(in), readString(in));
    }

    @Override
    public AlertInstance deserialize(AlertInstance reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<AlertInstance> snapshotConfiguration() {
        return new Snapshot();
    }

    static void writeString(DataOutputView out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void writeMap(DataOutputView out, Map<String, String> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
    }

    private static Map<String, String> readMap(DataInputView in) throws IOException {
        int n = in.readInt();
        Map<String, String> m = new HashMap<>(Math.max(4, n * 2));
        for (int i = 0; i < n; i++) {
            m.put(readString(in), readString(in));
        }
        return m;
    }

    /** The serializer's snapshot (its format has one version). */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AlertInstance> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
