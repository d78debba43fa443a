package io.nightwatch.analyzer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.AnalysisRequest;
import io.nightwatch.schemas.Anomaly;
import io.nightwatch.schemas.Json;
import io.nightwatch.schemas.ReleaseContext;
import io.nightwatch.schemas.analysis.Text;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads and checks the body of {@code POST /v1/analyze}. Every problem is named with its field path, so a caller
 * can fix its request; names that end up in the prompt outside the data block (service, instances, release) must be
 * plain identifiers. Alert and annotation text is not judged here: it is data, carried as such.
 */
public final class RequestValidator {

    public static final int MAX_ALERTS = 200;
    public static final int MAX_ANOMALIES = 200;
    public static final int MAX_INSTANCES = 500;
    /** Service, instance and release names: what may appear outside the prompt's data block. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private static final ObjectReader READER = Json.mapper().readerFor(AnalysisRequest.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RequestValidator() {}

    /** The request in the body, or a {@link BadRequest} naming everything wrong with it. */
    public static AnalysisRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadRequest(List.of("body is empty: expected an AnalysisRequest JSON object"
                    + " (see schemas/src/main/resources/json-schema/analyzer.request.schema.json)"));
        }
        AnalysisRequest request;
        try {
            request = READER.readValue(body);
        } catch (JsonMappingException e) {
            throw new BadRequest(List.of(describe(e)));
        } catch (JsonProcessingException e) {
            throw new BadRequest(List.of("body is not valid JSON: " + firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new BadRequest(List.of("body cannot be read: " + e.getMessage()));
        }
        if (request == null) {
            throw new BadRequest(List.of("body must be a JSON object, not null"));
        }
        List<String> problems = problems(request);
        if (!problems.isEmpty()) {
            throw new BadRequest(problems);
        }
        return request;
    }

    /** Everything wrong with a parsed request; empty when it can be analyzed. */
    public static List<String> problems(AnalysisRequest r) {
        List<String> problems = new ArrayList<>();
        required(problems, "requestId", r.requestId());
        required(problems, "incidentId", r.incidentId());
        name(problems, "service", r.service(), true);
        if (r.instances().size() > MAX_INSTANCES) {
            problems.add("instances: at most " + MAX_INSTANCES + " per request (got " + r.instances().size() + ")");
        } else {
            for (int i = 0; i < r.instances().size(); i++) {
                name(problems, "instances[" + i + "]", r.instances().get(i), true);
            }
        }
        if (r.alerts().isEmpty() && r.anomalies().isEmpty()) {
            problems.add("the incident needs at least one alert or anomaly");
        }
        if (r.alerts().size() > MAX_ALERTS) {
            problems.add("alerts: at most " + MAX_ALERTS + " per request (got " + r.alerts().size() + ")");
        } else {
            for (int i = 0; i < r.alerts().size(); i++) {
                alert(problems, "alerts[" + i + "]", r.alerts().get(i));
            }
        }
        if (r.anomalies().size() > MAX_ANOMALIES) {
            problems.add("anomalies: at most " + MAX_ANOMALIES + " per request (got " + r.anomalies().size() + ")");
        } else {
            for (int i = 0; i < r.anomalies().size(); i++) {
                anomaly(problems, "anomalies[" + i + "]", r.anomalies().get(i));
            }
        }
        if (r.release() != null) {
            release(problems, r.release());
        }
        if (r.windowStart() == null) {
            problems.add("windowStart is required (an ISO-8601 instant)");
        }
        if (r.windowEnd() == null) {
            problems.add("windowEnd is required (an ISO-8601 instant)");
        }
        if (r.windowStart() != null && r.windowEnd() != null && r.windowEnd().isBefore(r.windowStart())) {
            problems.add("windowEnd " + r.windowEnd() + " is before windowStart " + r.windowStart());
        }
        return problems;
    }

    private static void alert(List<String> problems, String path, Alert a) {
        if (a == null) {
            problems.add(path + " is null");
            return;
        }
        if (Text.blank(a.name()) && Text.blank(a.labels().get("alertname"))) {
            problems.add(path + ".name is required (or the label alertname)");
        }
        if (a.startsAt() == null) {
            problems.add(path + ".startsAt is required (an ISO-8601 instant)");
        }
        String instance = a.labels().get("instance");
        if (instance != null && !instance.equals("*")) {
            name(problems, path + ".labels.instance", instance, false);
        }
    }

    private static void anomaly(List<String> problems, String path, Anomaly a) {
        if (a == null) {
            problems.add(path + " is null");
            return;
        }
        required(problems, path + ".metric", a.metric());
        if (a.instance() != null && !a.instance().equals("*")) {
            name(problems, path + ".instance", a.instance(), false);
        }
        if (a.windowStart() == null) {
            problems.add(path + ".windowStart is required (an ISO-8601 instant)");
        }
        if (!Double.isFinite(a.score()) || !Double.isFinite(a.threshold())) {
            problems.add(path + ": score and threshold must be finite numbers");
        }
    }

    private static void release(List<String> problems, ReleaseContext release) {
        name(problems, "release.release", release.release(), true);
        List<List<String>> lists = List.of(release.canaryInstances(), release.baselineInstances(), release.doneInstances());
        List<String> names = List.of("canaryInstances", "baselineInstances", "doneInstances");
        for (int l = 0; l < lists.size(); l++) {
            for (int i = 0; i < lists.get(l).size(); i++) {
                name(problems, "release." + names.get(l) + "[" + i + "]", lists.get(l).get(i), true);
            }
        }
    }

    private static void required(List<String> problems, String field, String value) {
        if (Text.blank(value)) {
            problems.add(field + " is required");
        }
    }

    private static void name(List<String> problems, String field, String value, boolean required) {
        if (Text.blank(value)) {
            if (required) {
                problems.add(field + " is required");
            }
            return;
        }
        if (!NAME.matcher(value).matches()) {
            problems.add(field + " '" + Text.cut(value, 40) + "' must be a name: letters, digits and . _ : -"
                    + " (at most 128, starting with a letter or digit)");
        }
    }

    private static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String where = path.isEmpty() ? "body" : "field " + path;
        return where + ": " + Text.cut(firstLine(e.getOriginalMessage()), 300);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
