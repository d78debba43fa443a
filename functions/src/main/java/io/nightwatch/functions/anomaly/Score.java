package io.nightwatch.functions.anomaly;

/**
 * Outcome of one {@link StreamingDetector#update} call: the final score and the evidence behind it.
 *
 * <p>Final scores at or above {@link DetectorParams#strongLevel()} are strong alarms (a breakout, a new regime or an
 * extreme sequence likelihood); scores in [{@link StreamingDetector#PATTERN_FLOOR}, {@link StreamingDetector#PATTERN_CEILING}]
 * are weaker pattern-novelty events (an hours-long shape never seen before); everything else is at most
 * {@link StreamingDetector#PATTERN_FLOOR}.
 *
 * @param score       final anomaly score in [0,1] after suppression
 * @param low         lower edge of the range this value was judged against (below it: a breakout)
 * @param high        upper edge of that range (above it: a breakout)
 * @param breakout    the value left the learned range by more than the tolerance
 * @param novelty     raw sequence novelty in [0,1] (fraction of sequence orders never seen)
 * @param likelihood  log-scaled likelihood score of the recent novelty, in [0,1]
 * @param regime      score of an unseen (level, variance-ratio) regime, in [0,1]
 * @param pattern     rarity score of an hours-long pattern never seen before, in [0,1] (0 between blocks)
 */
public record Score(double score, double low, double high, boolean breakout,
                    double novelty, double likelihood, double regime, double pattern) {

    /** Score of a point that was not used (warm-up or a non-finite value). */
    static Score none(double low, double high) {
        return new Score(0, low, high, false, 0, 0, 0, 0);
    }
}
