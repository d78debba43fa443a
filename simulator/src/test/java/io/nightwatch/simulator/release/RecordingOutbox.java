package io.nightwatch.simulator.release;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.ReleaseEvent;
import java.util.ArrayList;
import java.util.List;

/** An outbox that keeps what the engine said, for assertions. */
final class RecordingOutbox implements Outbox {

    final List<ReleaseEvent> events = new ArrayList<>();
    final List<CommandResult> results = new ArrayList<>();
    final List<Alert> alerts = new ArrayList<>();

    @Override
    public void release(ReleaseEvent event) {
        events.add(event);
    }

    @Override
    public void result(CommandResult result) {
        results.add(result);
    }

    @Override
    public void alert(Alert alert) {
        alerts.add(alert);
    }

    /** "STATUS stage" of every event, e.g. "STAGE_STARTED 1". */
    List<String> statuses() {
        return events.stream().map(e -> e.status() + " " + e.stage()).toList();
    }
}
