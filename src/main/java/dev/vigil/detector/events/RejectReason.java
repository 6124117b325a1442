package dev.vigil.detector.events;

import dev.vigil.contract.avro.Stage;

/** Why a record was dead-lettered, with the stage that decided it. The name is the DLQ reason code. */
public enum RejectReason {
    UNREADABLE(Stage.DESERIALIZE),
    OVERSIZED(Stage.DESERIALIZE),
    MAPPING_FAILED(Stage.MAP),
    MISSING_ENTITY(Stage.VALIDATE),
    NO_VALUES(Stage.VALIDATE),
    NON_FINITE_VALUE(Stage.VALIDATE),
    TIMESTAMP_IN_FUTURE(Stage.VALIDATE),
    TIMESTAMP_TOO_OLD(Stage.VALIDATE),
    BAD_TIMESTAMP(Stage.VALIDATE),
    ENTITY_TOO_LONG(Stage.VALIDATE),
    OUT_OF_ORDER(Stage.FEATURES),
    TIMESTAMP_JUMP(Stage.FEATURES),
    MISSING_FEATURE(Stage.FEATURES),
    NO_MODEL_GROUP(Stage.FEATURES),
    SCORING_FAILED(Stage.SCORING),
    /** A feedback record that is not a readable Feedback. */
    FEEDBACK_UNREADABLE(Stage.DESERIALIZE),
    /** A feedback record without an entity, or whose stretch ends before it starts. */
    FEEDBACK_INVALID(Stage.VALIDATE),
    UNEXPECTED(Stage.OTHER);

    private final Stage stage;

    RejectReason(Stage stage) {
        this.stage = stage;
    }

    /** The pipeline stage this reason belongs to. */
    public Stage stage() {
        return stage;
    }
}
