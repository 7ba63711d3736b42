package dev.kaizen.llm.prompt;

/**
 * How prompts are rendered.
 *
 * @param systemPrompt the system message; null for {@link #DEFAULT_SYSTEM_PROMPT}
 * @param instructions environment-specific instructions appended to the system message (e.g. the
 *     action syntax of an AgentGym environment), or null
 * @param historyWindow how many earlier steps are shown as conversation turns, {@code >= 0}
 * @param maxObservationChars observations longer than this are cut (the end is kept), {@code >= 100}
 * @param maxActionsListed the most valid actions listed per observation, {@code >= 1}
 * @param maxAdvice the most advice exemplars shown, {@code >= 0}
 * @param maxAdviceChars the most characters of a remembered observation shown in an exemplar
 */
public record PromptOptions(String systemPrompt, String instructions, int historyWindow, int maxObservationChars,
                            int maxActionsListed, int maxAdvice, int maxAdviceChars) {

    /** The default system message. */
    public static final String DEFAULT_SYSTEM_PROMPT = """
            You are an agent that completes tasks by acting in an environment, one action per turn.
            Each turn shows an observation and the actions that are valid now.
            Think about the task, then answer in exactly this format:
            Thought: <brief reasoning>
            Action: <one valid action>
            Copy a listed action exactly, or fill in a template by replacing {} with your own text.""";

    /**
     * The system message of exported datasets, whose assistant turns are recorded actions without
     * thoughts: it asks for what those turns hold, so a model trained on them is not taught to skip a
     * thought it was told to write.
     */
    public static final String ACTION_ONLY_SYSTEM_PROMPT = """
            You are an agent that completes tasks by acting in an environment, one action per turn.
            Each turn shows an observation and the actions that are valid now.
            Answer in exactly this format:
            Action: <one valid action>
            Copy a listed action exactly, or fill in a template by replacing {} with your own text.""";

    public static final int DEFAULT_HISTORY_WINDOW = 30;
    public static final int DEFAULT_MAX_OBSERVATION_CHARS = 6000;
    public static final int DEFAULT_MAX_ACTIONS_LISTED = 100;
    public static final int DEFAULT_MAX_ADVICE = 2;
    public static final int DEFAULT_MAX_ADVICE_CHARS = 600;

    public PromptOptions {
        systemPrompt = systemPrompt == null || systemPrompt.isBlank() ? DEFAULT_SYSTEM_PROMPT : systemPrompt;
        instructions = instructions == null || instructions.isBlank() ? null : instructions;
        if (historyWindow < 0) {
            throw new IllegalArgumentException("historyWindow must be >= 0: " + historyWindow);
        }
        if (maxObservationChars < 100) {
            throw new IllegalArgumentException("maxObservationChars must be >= 100: " + maxObservationChars);
        }
        if (maxActionsListed < 1) {
            throw new IllegalArgumentException("maxActionsListed must be >= 1: " + maxActionsListed);
        }
        if (maxAdvice < 0 || maxAdviceChars < 0) {
            throw new IllegalArgumentException("maxAdvice and maxAdviceChars must be >= 0");
        }
    }

    /** The defaults, as the {@code llm} policy uses them unless its config says otherwise. */
    public static PromptOptions defaults() {
        return new PromptOptions(null, null, DEFAULT_HISTORY_WINDOW, DEFAULT_MAX_OBSERVATION_CHARS,
                DEFAULT_MAX_ACTIONS_LISTED, DEFAULT_MAX_ADVICE, DEFAULT_MAX_ADVICE_CHARS);
    }

    /** These options for a dataset of recorded actions: the default system message becomes {@link #ACTION_ONLY_SYSTEM_PROMPT}. */
    public PromptOptions forRecordedActions() {
        String system = systemPrompt.equals(DEFAULT_SYSTEM_PROMPT) ? ACTION_ONLY_SYSTEM_PROMPT : systemPrompt;
        return new PromptOptions(system, instructions, historyWindow, maxObservationChars, maxActionsListed, maxAdvice,
                maxAdviceChars);
    }

    /** These options with an unlimited history window (whole trajectories as one conversation). */
    public PromptOptions withFullHistory() {
        return new PromptOptions(systemPrompt, instructions, Integer.MAX_VALUE, maxObservationChars, maxActionsListed,
                maxAdvice, maxAdviceChars);
    }
}
