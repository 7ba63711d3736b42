package dev.kaizen.api.method;

/**
 * A method's outer loop: e.g. behaviour cloning, then rounds of explore → pair → DPO, with
 * evaluations in between.
 *
 * <p>The loop is written as a sequence of named {@linkplain MethodContext#stage stages}, so that an
 * interrupted run can resume after its last completed stage. Parts the method needs beyond the
 * recipe's environment and policy (optimisers, search, memory) are named in its config and built
 * with {@link MethodContext#create}.
 */
public interface TrainingMethod {

    /**
     * Runs the method. Exceptions end the run as failed; everything already written stays.
     */
    void run(MethodContext context) throws Exception;
}
