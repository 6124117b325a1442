package dev.vigil.detector.topology;

/**
 * The names of one model group's processor node ({@link GroupStages}) and stores. A single-group
 * detector keeps the store names it always had; each group of {@code model.groups} gets them
 * suffixed with {@code -<group>}, so its windows and scoring batch live in stores (and changelog
 * topics) of their own, sized by its layout.
 */
record GroupNodes(String group, String stages, String windowStore, String bufferStore) {
    static final String STAGES = "stages";

    /** The nodes of a single-group detector serving {@code group}. */
    static GroupNodes single(String group) {
        return new GroupNodes(group, STAGES, DetectorTopology.WINDOW_STORE, DetectorTopology.BUFFER_STORE);
    }

    /** The nodes of {@code group} of {@code model.groups}. */
    static GroupNodes of(String group) {
        String suffix = "-" + group;
        return new GroupNodes(
                group, STAGES + suffix, DetectorTopology.WINDOW_STORE + suffix, DetectorTopology.BUFFER_STORE + suffix);
    }

    /** The same group, its stages run in node {@code node} (the ingest node of a detector without routing). */
    GroupNodes inNode(String node) {
        return new GroupNodes(group, node, windowStore, bufferStore);
    }
}
