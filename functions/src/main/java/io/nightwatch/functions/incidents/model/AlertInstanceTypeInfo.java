package io.nightwatch.functions.incidents.model;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's type information for {@link AlertInstance}: its own serializer ({@link AlertInstanceSerializer}). */
public final class AlertInstanceTypeInfo extends TypeInformation<AlertInstance> {

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
    public Class<AlertInstance> getTypeClass() {
        return AlertInstance.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<AlertInstance> createSerializer(SerializerConfig config) {
        return AlertInstanceSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "AlertInstance";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertInstanceTypeInfo;
    }

    @Override
    public int hashCode() {
        return AlertInstanceTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof AlertInstanceTypeInfo;
    }

    /** The factory the {@code @TypeInfo} annotation on {@link AlertInstance} names. */
    public static final class Factory extends TypeInfoFactory<AlertInstance> {
        @Override
        public TypeInformation<AlertInstance> createTypeInfo(Type t, Map<String, TypeInformation<?>> generics) {
            return new AlertInstanceTypeInfo();
        }
    }
}
