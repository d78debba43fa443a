package io.nightwatch.functions.anomaly;

/**
 * Outcome of one {@link StreamingDetector#update} call: the final score and the evidence behind it.
 *
 * @param score       final anomaly score in [0,1] after suppression
 * @param low         lower edge of the range this value was judged against (below it: a breakout)
 * @param high        upper edge of that range (above it: a breakout)
 * @param breakout    the value left the learned range by more than the tolerance
 * @param novelty     raw sequence novelty in [0,1] (fraction of sequence orders never seen)
 * @param likelihood  log-scaled likelihood score of the recent novelty, in [0,1]
 * @param regime      score of an unseen (level, variance-ratio) regime, in [0,1]
 */
public record Score(double score, double low, double high, boolean breakout,
                    double novelty, double likelihood, double regime) {

    /** Score of a point that was not used (warm-up or a non-finite value). */
    static Score none(double low, double high) {
        return new Score(0, low, high, false, 0, 0, 0);
    }
}
