package io.nightwatch.analyzer;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** The published JSON Schema of {@code AnalysisResult}, to check what the service answers against the contract. */
public final class ResultSchema {

    private static final JsonSchema SCHEMA = load();

    private ResultSchema() {}

    /** The violations of the schema (empty when valid). */
    public static Set<ValidationMessage> violations(JsonNode result) {
        return SCHEMA.validate(result);
    }

    private static JsonSchema load() {
        try (InputStream in = ResultSchema.class.getResourceAsStream("/json-schema/analyzer.result.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
