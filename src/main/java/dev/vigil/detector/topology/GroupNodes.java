package dev.vigil.detector.topology;

/**
 * The names of one model group's processors and stores. A single-group detector keeps the names it
 * always had; each group of {@code model.groups} gets them suffixed with {@code -<group>}, so its
 * windows and scoring batch live in stores (and changelog topics) of their own, sized by its layout.
 */
record GroupNodes(
        String group, String features, String scoring, String decision, String windowStore, String bufferStore) {
    static final String FEATURES = "features";
    static final String SCORING = "scoring";
    static final String DECISION = "decision";

    /** The nodes of a single-group detector serving {@code group}. */
    static GroupNodes single(String group) {
        return new GroupNodes(
                group, FEATURES, SCORING, DECISION, DetectorTopology.WINDOW_STORE, DetectorTopology.BUFFER_STORE);
    }

    /** The nodes of {@code group} of {@code model.groups}. */
    static GroupNodes of(String group) {
        String suffix = "-" + group;
        return new GroupNodes(
                group,
                FEATURES + suffix,
                SCORING + suffix,
                DECISION + suffix,
                DetectorTopology.WINDOW_STORE + suffix,
                DetectorTopology.BUFFER_STORE + suffix);
    }
}
