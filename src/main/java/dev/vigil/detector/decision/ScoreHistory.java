package dev.vigil.detector.decision;

/**
 * One entity's recent scores that feedback may need, in a bounded ring: every reading its
 * thresholds did not learn as normal (inside an alert, just after an anomalous reading, or censored
 * at the threshold) and every reading above the exit threshold, each with its event time and
 * whether it was learned. Readings at or below the exit threshold that the thresholds learned are
 * left out: they can neither keep an alert open nor move the tail, so a false alarm has nothing to
 * take from them. Under normal data that keeps a few per cent of the readings, so the ring reaches
 * back a long way; inside an episode it keeps every reading, the newest {@code capacity} of them.
 * Also tracks the entity's clock: the newest event time decided. The scores are those of one model
 * (group and version): when another model scores the entity the kept readings are dropped, since
 * scores of two models live on different scales. Mutable; encoded by {@link EntityStateCodec}.
 */
public final class ScoreHistory {
    final long[] times;
    final double[] scores;
    final boolean[] learned;
    int count;
    int head;
    long clock = Long.MIN_VALUE;
    String modelGroup = "";
    long modelVersion = Long.MIN_VALUE;

    /** An empty history keeping at most {@code capacity} readings. */
    public ScoreHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("score history capacity must be positive, was " + capacity);
        }
        this.times = new long[capacity];
        this.scores = new double[capacity];
        this.learned = new boolean[capacity];
    }

    /**
     * Moves the clock to {@code time} and keeps the reading if the thresholds did not learn it or it
     * was above {@code exit}.
     */
    public void record(long time, double score, boolean learnedAsNormal, double exit) {
        clock = Math.max(clock, time);
        if (!learnedAsNormal || score > exit) {
            push(time, score, learnedAsNormal);
        }
    }

    /** Keeps the readings of model {@code group:version} only: drops those of any other model. */
    public void scoredBy(String group, long version) {
        String g = group == null ? "" : group;
        if (version != modelVersion || !g.equals(modelGroup)) {
            modelGroup = g;
            modelVersion = version;
            count = 0;
            head = 0;
        }
    }

    /** The newest event time decided for the entity; {@code Long.MIN_VALUE} before any. */
    public long clock() {
        return clock;
    }

    /** Readings kept now. */
    public int size() {
        return count;
    }

    /**
     * The kept readings with event time in {@code [from, to]}; marks them learned, so the same
     * stretch reported twice is not learned twice.
     */
    public Stretch take(long from, long to) {
        double max = Double.NEGATIVE_INFINITY;
        double[] unlearned = new double[count];
        int found = 0;
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int slot = slot(i);
            if (times[slot] < from || times[slot] > to) {
                continue;
            }
            kept++;
            max = Math.max(max, scores[slot]);
            if (!learned[slot]) {
                unlearned[found++] = scores[slot];
                learned[slot] = true;
            }
        }
        return new Stretch(kept, max, java.util.Arrays.copyOf(unlearned, found));
    }

    /**
     * The kept readings of one reported stretch.
     *
     * @param readings kept readings inside it
     * @param maxScore the highest of their scores ({@code -Infinity} when none)
     * @param unlearned the scores of those the thresholds had not learned as normal, oldest first
     */
    public record Stretch(int readings, double maxScore, double[] unlearned) {}

    /** The index in the ring of the {@code i}-th oldest kept reading. */
    int slot(int i) {
        int start = count < times.length ? 0 : head;
        return (start + i) % times.length;
    }

    void push(long time, double score, boolean learnedAsNormal) {
        times[head] = time;
        scores[head] = score;
        learned[head] = learnedAsNormal;
        head = (head + 1) % times.length;
        count = Math.min(count + 1, times.length);
    }
}
