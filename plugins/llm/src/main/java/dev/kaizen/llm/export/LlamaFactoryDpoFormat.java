package dev.kaizen.llm.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kaizen.api.trajectory.PreferencePair;
import dev.kaizen.llm.client.ChatMessage;
import dev.kaizen.llm.prompt.PromptOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/**
 * LLaMA-Factory's sharegpt preference format, one row per step-level pair:
 * {@code {"conversations": [{"from": "human"|"gpt", "value"}...], "system": ..., "chosen": {"from":
 * "gpt", "value"}, "rejected": {"from": "gpt", "value"}}} (conversations alternate human/gpt and end
 * with a human turn). Also writes (or adds to) {@code dataset_info.json} the entry that registers it:
 * {@code formatting: sharegpt}, {@code ranking: true}, its columns and tags. Use
 * {@code dataset_dir: <this directory>} and {@code dataset: kaizen_<recipe>} in the training YAML.
 * Files: {@code llamafactory-dpo.json}, {@code dataset_info.json}.
 */
@Extension
public final class LlamaFactoryDpoFormat extends PreferenceFormat {

    /** The file LLaMA-Factory reads dataset descriptions from. */
    public static final String DATASET_INFO = "dataset_info.json";

    public LlamaFactoryDpoFormat() {
        this(PromptOptions.defaults());
    }

    public LlamaFactoryDpoFormat(PromptOptions options) {
        super(options, Layout.JSON_ARRAY);
    }

    @Override
    public String name() {
        return "llamafactory-dpo";
    }

    @Override
    public String description() {
        return "LLaMA-Factory sharegpt preference data (single-message chosen/rejected) with its dataset_info.json entry";
    }

    /** The dataset's name in {@code dataset_info.json}. */
    public static String datasetKey(String datasetName) {
        String cleaned = datasetName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return "kaizen_" + (cleaned.isEmpty() ? "run" : cleaned);
    }

    @Override
    protected ObjectNode row(PreferencePair pair) {
        List<ChatMessage> prompt = stepPrompt(pair);
        ObjectNode row = MAPPER.createObjectNode();
        ArrayNode conversations = row.putArray("conversations");
        for (ChatMessage message : prompt.subList(1, prompt.size())) {
            conversations.add(fromValue(message));
        }
        row.put("system", prompt.get(0).content());
        row.set("chosen", fromValue(stepTurn(pair.chosen())));
        row.set("rejected", fromValue(stepTurn(pair.rejected())));
        return row;
    }

    /** The data file and {@code dataset_info.json} with the entry that registers it. */
    @Override
    protected List<Path> written(Path data, Path directory, String datasetName) throws IOException {
        return List.of(data, writeDatasetInfo(directory, datasetKey(datasetName), data.getFileName().toString()));
    }

    private static Path writeDatasetInfo(Path directory, String key, String fileName) throws IOException {
        Path file = directory.resolve(DATASET_INFO);
        ObjectNode info;
        if (Files.exists(file)) {
            JsonNode existing;
            try {
                existing = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalArgumentException(file + " exists but is not valid JSON (" + e.getMessage()
                        + "); fix or remove it, then export again", e);
            }
            if (existing == null || !existing.isObject()) {
                throw new IllegalArgumentException(file + " exists but is not a JSON object; fix or remove it");
            }
            info = (ObjectNode) existing;
        } else {
            info = MAPPER.createObjectNode();
        }
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("file_name", fileName);
        entry.put("formatting", "sharegpt");
        entry.put("ranking", true);
        ObjectNode columns = entry.putObject("columns");
        columns.put("messages", "conversations");
        columns.put("chosen", "chosen");
        columns.put("rejected", "rejected");
        columns.put("system", "system");
        ObjectNode tags = entry.putObject("tags");
        tags.put("role_tag", "from");
        tags.put("content_tag", "value");
        tags.put("user_tag", "human");
        tags.put("assistant_tag", "gpt");
        info.set(key, entry);
        return writeAtomically(file, writer ->
                writer.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(info) + "\n"));
    }
}
