package io.nightwatch.functions.canary.stage;

import io.nightwatch.schemas.ReleaseEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a release event does to the stage under analysis of its service: a started stage with baseline
 * instances opens a new analysis (replacing any other); a rollback, cancellation, completion or failure of the
 * analysed release ends it unjudged; anything else (pause, resume, a passed stage) leaves it running.
 */
public final class StageTransitions implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** What to do with the current analysis. */
    public enum Action { KEEP, START, STOP }

    /** The decision and, for START, the new stage. */
    public record Transition(Action action, ActiveStage stage) {

        static final Transition KEEP = new Transition(Action.KEEP, null);
        static final Transition STOP = new Transition(Action.STOP, null);
    }

    private final long analysisDelayMillis;

    /**
     * @param analysisDelay warm-up after a stage starts before samples count (at most half the window), so a new
     *     version's start-up and a release event arriving a little after the first points do not matter
     */
    public StageTransitions(Duration analysisDelay) {
        this.analysisDelayMillis = analysisDelay.toMillis();
    }

    public Transition apply(ActiveStage current, ReleaseEvent event) {
        switch (event.status()) {
            case STAGE_STARTED -> {
                if (event.baselineInstances().isEmpty() || event.analysisWindowSeconds() <= 0) {
                    return Transition.STOP; // the last stage bakes: nothing left to compare against
                }
                long started = event.at().toEpochMilli();
                long window = event.analysisWindowSeconds() * 1000;
                List<String> canary = new ArrayList<>(event.doneInstances());
                canary.addAll(event.canaryInstances());
                return new Transition(Action.START, new ActiveStage(event.release(), event.service(),
                        event.version(), event.stage(), canary, event.baselineInstances(), started,
                        started + Math.min(analysisDelayMillis, window / 2), started + window,
                        event.passThreshold(), event.marginalThreshold()));
            }
            case ROLLING_BACK, ROLLED_BACK, CANCELLED, COMPLETED, FAILED -> {
                return current != null && current.release().equals(event.release()) ? Transition.STOP
                        : Transition.KEEP;
            }
            default -> {
                return Transition.KEEP;
            }
        }
    }
}
