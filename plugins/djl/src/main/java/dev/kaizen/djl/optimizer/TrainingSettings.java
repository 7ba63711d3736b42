package dev.kaizen.djl.optimizer;

/**
 * The fields every optimiser's config has: AdamW's step size, decay and clip, and how many epochs of
 * which batch size. Implemented by the config records through their accessors.
 */
interface TrainingSettings {

    /** AdamW step size. */
    Double learningRate();

    /** Passes over the examples per call. */
    Integer epochs();

    /** Examples per gradient step. */
    Integer batchSize();

    /** AdamW decoupled weight decay. */
    Double weightDecay();

    /** Clip of each gradient element, 0 for none. */
    Double gradientClip();
}
