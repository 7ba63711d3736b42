package dev.kaizen.api.method;

/** The work of one stage of a method; see {@link MethodContext#stage}. */
@FunctionalInterface
public interface StageBody {

    void run() throws Exception;
}
