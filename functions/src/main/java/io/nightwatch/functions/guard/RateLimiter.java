package io.nightwatch.functions.guard;

import io.nightwatch.schemas.AnalysisAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sliding-window rate limits per service and per action, as pure functions of a {@link RateLimitState}: the caller
 * keeps the state (Flink keyed state, keyed by service) and stores what {@link #record} returns.
 */
public final class RateLimiter {

    static final String PER_SERVICE = "rate-limit-service";
    static final String PER_ACTION = "rate-limit-action";

    private final GuardPolicy policy;

    public RateLimiter(GuardPolicy policy) {
        this.policy = policy;
    }

    /** The two rate-limit checks for one more {@code action} on {@code service} at {@code now}. */
    public List<GuardCheck> check(String service, AnalysisAction action, RateLimitState state, Instant now) {
        if (!GuardPolicy.changes(action)) {
            String why = (action == null ? "no action" : action + " changes nothing") + ": not rate limited";
            return List.of(GuardCheck.skipped(PER_SERVICE, why), GuardCheck.skipped(PER_ACTION, why));
        }
        List<GuardCheck> checks = new ArrayList<>(2);
        RateLimit serviceLimit = policy.perService();
        long serviceCount = count(state, service, null, serviceLimit.window(), now);
        checks.add(judge(PER_SERVICE, service + " had " + serviceCount + " change(s)", serviceCount, serviceLimit));
        RateLimit actionLimit = policy.perAction().get(action);
        if (actionLimit == null) {
            checks.add(GuardCheck.skipped(PER_ACTION, "no limit for " + action));
        } else {
            long actionCount = count(state, service, action, actionLimit.window(), now);
            checks.add(judge(PER_ACTION, service + " had " + actionCount + " " + action, actionCount, actionLimit));
        }
        return checks;
    }

    /** The state after one more {@code action} on {@code service} at {@code now}, with expired entries dropped. */
    public RateLimitState record(String service, AnalysisAction action, RateLimitState state, Instant now) {
        List<IssuedCommand> next = new ArrayList<>(prune(state, now).issued());
        next.add(new IssuedCommand(service, action, now.toEpochMilli()));
        return new RateLimitState(List.copyOf(next));
    }

    /** The state without entries older than the longest window. */
    public RateLimitState prune(RateLimitState state, Instant now) {
        long horizon = now.toEpochMilli() - longestWindow().toMillis();
        return new RateLimitState(state.issued().stream().filter(c -> c.atMillis() > horizon).toList());
    }

    /** The longest window of any limit: how long state must be kept (and a good state TTL). */
    public Duration longestWindow() {
        Duration longest = policy.perService().window();
        for (RateLimit limit : policy.perAction().values()) {
            if (limit.window().compareTo(longest) > 0) {
                longest = limit.window();
            }
        }
        return longest;
    }

    private static GuardCheck judge(String name, String seen, long count, RateLimit limit) {
        String detail = seen + " in the last " + limit.window().toMinutes() + " min (max " + limit.max() + ")";
        return count >= limit.max()
                ? new GuardCheck(name, CheckOutcome.REJECT, "rate limit reached: " + detail)
                : GuardCheck.pass(name, detail);
    }

    /** Commands on {@code service} (of {@code action}, or of any action when null) within the window before now. */
    private static long count(RateLimitState state, String service, AnalysisAction action, Duration window, Instant now) {
        long from = now.toEpochMilli() - window.toMillis();
        return state.issued().stream()
                .filter(c -> service.equals(c.service()) && (action == null || action == c.action()))
                .filter(c -> c.atMillis() > from && c.atMillis() <= now.toEpochMilli())
                .count();
    }
}
