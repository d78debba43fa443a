package io.nightwatch.functions.incidents.model;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Flink's type information for {@link RoutedAlert}: every alert crosses the network once as one, so it is lean. */
public final class RoutedAlertTypeInfo extends TypeInformation<RoutedAlert> {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<RoutedAlert> getTypeClass() {
        return RoutedAlert.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<RoutedAlert> createSerializer(SerializerConfig config) {
        return Serializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "RoutedAlert";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoutedAlertTypeInfo;
    }

    @Override
    public int hashCode() {
        return RoutedAlertTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof RoutedAlertTypeInfo;
    }

    /** The factory the {@code @TypeInfo} annotation on {@link RoutedAlert} names. */
    public static final class Factory extends TypeInfoFactory<RoutedAlert> {
        @Override
        public TypeInformation<RoutedAlert> createTypeInfo(Type t, Map<String, TypeInformation<?>> generics) {
            return new RoutedAlertTypeInfo();
        }
    }

    /** Group id and route as UTF-8 and an int, then the alert ({@link AlertInstanceSerializer}); immutable. */
    public static final class Serializer extends TypeSerializerSingleton<RoutedAlert> {

        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        @Override
        public boolean isImmutableType() {
            return true;
        }

        @Override
        public RoutedAlert createInstance() {
            return new RoutedAlert("", 0, AlertInstanceSerializer.INSTANCE.createInstance());
        }

        @Override
        public RoutedAlert copy(RoutedAlert from) {
            return from;
        }

        @Override
        public RoutedAlert copy(RoutedAlert from, RoutedAlert reuse) {
            return from;
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(RoutedAlert r, DataOutputView out) throws IOException {
            AlertInstanceSerializer.writeString(out, r.groupId());
            out.writeInt(r.routeIndex());
            AlertInstanceSerializer.INSTANCE.serialize(r.alert(), out);
        }

        @Override
        public RoutedAlert deserialize(DataInputView in) throws IOException {
            return new RoutedAlert(AlertInstanceSerializer.readString(in), in.readInt(), AlertInstanceSerializer.INSTANCE.deserialize(in));
        }

        @Override
        public RoutedAlert deserialize(RoutedAlert reuse, DataInputView in) throws IOException {
            return deserialize(in);
        }

        @Override
        public void copy(DataInputView in, DataOutputView out) throws IOException {
            serialize(deserialize(in), out);
        }

        @Override
        public TypeSerializerSnapshot<RoutedAlert> snapshotConfiguration() {
            return new Snapshot();
        }

        /** The serializer's snapshot. */
        public static final class Snapshot extends SimpleTypeSerializerSnapshot<RoutedAlert> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
