package dev.kaizen.llm.export;

import dev.kaizen.llm.prompt.PromptOptions;
import java.util.List;

/** The chat-based dataset formats of this plugin, found by name. */
public final class DatasetFormats {

    private DatasetFormats() {
    }

    /** Every format, rendering with {@code options}. */
    public static List<ConversationFormat> all(PromptOptions options) {
        return List.of(new TrlSftFormat(options), new TrlDpoFormat(options), new TrlDpoTrajectoryFormat(options),
                new LlamaFactoryDpoFormat(options),
                new OpenRlhfDpoFormat(options), new EtoTrajectoryPairsFormat(options), new AgentGymSftFormat(options));
    }

    /** The names of every format. */
    public static List<String> names() {
        return all(PromptOptions.defaults()).stream().map(ConversationFormat::name).toList();
    }

    /**
     * The format called {@code name}.
     *
     * @param field the config field that named it, for the error message
     * @throws IllegalArgumentException listing the known names
     */
    public static ConversationFormat byName(String name, String field, PromptOptions options) {
        for (ConversationFormat format : all(options)) {
            if (format.name().equals(name)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown dataset format '" + name + "' in " + field + "; known: " + names());
    }
}
