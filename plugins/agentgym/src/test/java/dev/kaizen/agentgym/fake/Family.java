package dev.kaizen.agentgym.fake;

/** One AgentGym server family's routes and game, as a fake server plays them. Implementations are thread-safe. */
public interface Family {

    /** The answer to one request. */
    Reply answer(Call call);

    /** Instances the server holds now. */
    int liveInstances();

    /** Instances created so far. */
    int createdInstances();

    /** Instances closed through the family's close request. */
    int closedInstances();
}
