package io.nightwatch.simulator.release;

import io.nightwatch.schemas.Alert;
import io.nightwatch.schemas.CommandResult;
import io.nightwatch.schemas.ReleaseEvent;

/** Where the release engine puts what it has to tell the world; the Kafka loop publishes it transactionally. */
public interface Outbox {

    void release(ReleaseEvent event);

    void result(CommandResult result);

    void alert(Alert alert);
}
