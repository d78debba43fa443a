package io.nightwatch.functions.guard;

import io.nightwatch.schemas.AnalysisAction;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What the guard allows: the actions enabled here (a subset of the analyzer's allow-list), those that need a
 * human's approval, the confidence below which a changing action needs approval too, and the rate limits per
 * service and per action. NOTIFY and NONE change nothing: they are never rate limited nor held.
 */
public record GuardPolicy(
        Set<AnalysisAction> allowedActions,
        Set<AnalysisAction> riskyActions,
        double minConfidenceForAutomatic,
        RateLimit perService,
        Map<AnalysisAction, RateLimit> perAction) implements Serializable {

    /** Actions that change nothing. */
    public static final Set<AnalysisAction> HARMLESS = EnumSet.of(AnalysisAction.NOTIFY, AnalysisAction.NONE);

    public GuardPolicy {
        allowedActions = allowedActions.isEmpty() ? EnumSet.noneOf(AnalysisAction.class) : EnumSet.copyOf(allowedActions);
        riskyActions = riskyActions.isEmpty() ? EnumSet.noneOf(AnalysisAction.class) : EnumSet.copyOf(riskyActions);
        perAction = perAction.isEmpty() ? new EnumMap<>(AnalysisAction.class) : new EnumMap<>(perAction);
        if (minConfidenceForAutomatic < 0 || minConfidenceForAutomatic > 1) {
            throw new IllegalArgumentException("minConfidenceForAutomatic must be in [0, 1], got " + minConfidenceForAutomatic);
        }
    }

    /**
     * The defaults: every action allowed; SCALE_OUT (cost) and SILENCE (hides alerts) need approval; below 0.5
     * confidence any changing action needs approval; at most 6 changes per service per hour; per action per service:
     * 1 rollback per 30 min, 3 restarts, 2 scale-outs, 2 rule changes, 3 silences per hour. ADJUST_RULE is not held
     * here because the rule store applies its own per-rule approval policy.
     */
    public static GuardPolicy defaults() {
        Map<AnalysisAction, RateLimit> perAction = new EnumMap<>(AnalysisAction.class);
        perAction.put(AnalysisAction.ROLLBACK_RELEASE, RateLimit.of(1, 30));
        perAction.put(AnalysisAction.RESTART_INSTANCE, RateLimit.of(3, 60));
        perAction.put(AnalysisAction.SCALE_OUT, RateLimit.of(2, 60));
        perAction.put(AnalysisAction.ADJUST_RULE, RateLimit.of(2, 60));
        perAction.put(AnalysisAction.SILENCE, RateLimit.of(3, 60));
        return new GuardPolicy(EnumSet.allOf(AnalysisAction.class),
                EnumSet.of(AnalysisAction.SCALE_OUT, AnalysisAction.SILENCE), 0.5, RateLimit.of(6, 60), perAction);
    }

    /** The same policy with other actions allowed. */
    public GuardPolicy withAllowed(Set<AnalysisAction> actions) {
        return new GuardPolicy(actions, riskyActions, minConfidenceForAutomatic, perService, perAction);
    }

    /** The same policy with other actions needing approval. */
    public GuardPolicy withRisky(Set<AnalysisAction> actions) {
        return new GuardPolicy(allowedActions, actions, minConfidenceForAutomatic, perService, perAction);
    }

    /** True for actions that change something (and so are rate limited and confidence-checked). */
    public static boolean changes(AnalysisAction action) {
        return action != null && !HARMLESS.contains(action);
    }
}
