package io.nightwatch.jobs.incidents.parity;

import io.nightwatch.schemas.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts alerts as Prometheus does: Alertmanager API v2 postable alerts, in batches, one request at a time from
 * one client, to {@code <base>/api/v2/alerts} (optionally with a bearer token). A resolve carries
 * {@code endsAt} = the time of posting; a firing alert carries no times (the receiver stamps them).
 */
public final class AlertPoster {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String url;
    private final String token;
    private final int batch;

    public AlertPoster(String baseUrl, String alertsPath, String token, int batch) {
        this.url = baseUrl + alertsPath;
        this.token = token;
        this.batch = batch;
    }

    /** Posts every alert of a phase; returns the time it took (serialization of each batch included). */
    public Duration post(List<PlannedAlert> alerts) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        for (int from = 0; from < alerts.size(); from += batch) {
            List<PlannedAlert> part = alerts.subList(from, Math.min(alerts.size(), from + batch));
            String now = Instant.now().toString();
            List<Map<String, Object>> body = new ArrayList<>(part.size());
            for (PlannedAlert a : part) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("labels", a.labels());
                m.put("annotations", a.annotations());
                if (a.resolve()) {
                    m.put("endsAt", now);
                }
                body.add(m);
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(body)));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
            }
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Creates a silence through an Alertmanager-compatible {@code POST <base><path>}; returns the response body. */
    public String silence(String base, String path, ParityPlan.SilenceSpec s, Instant from, Instant to) throws IOException, InterruptedException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("matchers", s.matchers());
        m.put("startsAt", from.toString());
        m.put("endsAt", to.toString());
        m.put("createdBy", "parity");
        m.put("comment", s.comment());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.toBytes(m)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("POST " + base + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
