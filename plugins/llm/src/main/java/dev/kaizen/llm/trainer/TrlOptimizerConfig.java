package dev.kaizen.llm.trainer;

import static dev.kaizen.llm.client.ClientFields.atLeast;

import dev.kaizen.api.optimizer.OptimizerConfig;
import dev.kaizen.llm.export.ConversationFormat;
import dev.kaizen.llm.export.DatasetFormats;
import dev.kaizen.llm.prompt.PromptOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Config of the external-trainer optimiser.
 *
 * <p>Strings in {@code command}, {@code environment}, {@code workingDirectory}, {@code modelTemplate}
 * and {@code baseUrlTemplate} may hold placeholders: {@code {data}} (the iteration's pair file if it
 * has pairs, else its trajectory file), {@code {sftData}}, {@code {pairData}}, {@code {dataDir}},
 * {@code {outputDir}} (where the trainer should write the model), {@code {baseModel}} (the model the
 * policy uses now), {@code {label}}, {@code {iteration}} (the label as a file name),
 * {@code {seed}}, {@code {runDir}}, {@code {baseUrl}} (the API root the policy uses now) and
 * {@code {trainers}} (the {@code trainers/} folder of the Kaizen installation, {@code $KAIZEN_HOME/trainers},
 * whose {@code kaizen-train} runs TRL and makes the server serve the result).
 *
 * @param command the trainer's command line, one argument per element (no shell; use
 *     {@code ["bash", "-c", "..."]} for one), e.g. {@code ["accelerate", "launch", "train_dpo.py",
 *     "--dataset", "{data}", "--model", "{baseModel}", "--output_dir", "{outputDir}"]}. Null or empty:
 *     no trainer runs; each call writes its data in the configured formats, says where, and leaves
 *     the policy's model as it is (train offline on the files, then point the policy at the result)
 * @param sftFormat the format for trajectories (supervised data); default {@code trl-sft}
 * @param pairFormat the format for preference pairs; default {@code trl-dpo}
 * @param workingDirectory where the command runs; default the run directory
 * @param environment extra environment variables for the command
 * @param timeoutMinutes how long the command may run before it is stopped; default 1440 (a day)
 * @param modelTemplate the model name the policy asks for after training; default {@code {outputDir}}
 *     (vLLM serves a local model under its path)
 * @param baseUrlTemplate the API root after training; null keeps the policy's server
 * @param readyTimeoutSeconds if above 0, wait up to this long for the server to list the new model
 *     ({@code GET <baseUrl>/models}) before going on; default 0
 * @param logTailLines lines of the trainer's log quoted when it fails; default 40
 */
public record TrlOptimizerConfig(List<String> command, String sftFormat, String pairFormat, String workingDirectory,
                                 Map<String, String> environment, Double timeoutMinutes, String modelTemplate,
                                 String baseUrlTemplate, Double readyTimeoutSeconds, Integer logTailLines)
        implements OptimizerConfig {

    /** The placeholders strings may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("data", "sftData", "pairData", "dataDir", "outputDir",
            "baseModel", "baseUrl", "label", "iteration", "seed", "runDir", "trainers");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]*)}");

    public TrlOptimizerConfig {
        command = command == null ? List.of() : command;
        if (!command.isEmpty() && (command.get(0) == null || command.get(0).isBlank())) {
            throw new IllegalArgumentException("command must start with the program to run, got " + command
                    + "; give the trainer's command line as a list, e.g. [accelerate, launch, train_dpo.py, "
                    + "--dataset, '{data}', --output_dir, '{outputDir}'], or leave command out to only write the data");
        }
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i) == null) {
                throw new IllegalArgumentException("command[" + i + "] is null in " + command
                        + "; every argument must be a string (quote it in YAML, e.g. 'null')");
            }
        }
        command = List.copyOf(command);
        sftFormat = sftFormat == null ? "trl-sft" : sftFormat;
        pairFormat = pairFormat == null ? "trl-dpo" : pairFormat;
        environment = environment == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(environment));
        timeoutMinutes = timeoutMinutes == null ? 1440.0 : timeoutMinutes;
        modelTemplate = modelTemplate == null || modelTemplate.isBlank() ? "{outputDir}" : modelTemplate;
        baseUrlTemplate = baseUrlTemplate == null || baseUrlTemplate.isBlank() ? null : baseUrlTemplate;
        readyTimeoutSeconds = readyTimeoutSeconds == null ? 0.0 : readyTimeoutSeconds;
        logTailLines = logTailLines == null ? 40 : logTailLines;

        checkFormat(sftFormat, "sftFormat", true);
        checkFormat(pairFormat, "pairFormat", false);
        atLeast("timeoutMinutes", timeoutMinutes, 0.001);
        atLeast("readyTimeoutSeconds", readyTimeoutSeconds, 0);
        atLeast("logTailLines", logTailLines, 0);
        List<String> texts = new ArrayList<>(command);
        texts.addAll(environment.values());
        texts.add(modelTemplate);
        if (workingDirectory != null) {
            texts.add(workingDirectory);
        }
        if (baseUrlTemplate != null) {
            texts.add(baseUrlTemplate);
        }
        for (String text : texts) {
            Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
            while (m.find()) {
                if (!PLACEHOLDERS.contains(m.group(1))) {
                    throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in '" + text
                            + "'; known: " + new TreeSet<>(PLACEHOLDERS));
                }
            }
        }
    }

    /** Whether any string of this config names {@code {name}}. */
    public boolean uses(String name) {
        String placeholder = "{" + name + "}";
        return command.stream().anyMatch(a -> a.contains(placeholder))
                || environment.values().stream().anyMatch(v -> v.contains(placeholder))
                || modelTemplate.contains(placeholder)
                || workingDirectory != null && workingDirectory.contains(placeholder)
                || baseUrlTemplate != null && baseUrlTemplate.contains(placeholder);
    }

    /** Whether a trainer runs: false when {@code command} is empty (the data is only written). */
    public boolean runsTrainer() {
        return !command.isEmpty();
    }

    private static void checkFormat(String name, String field, boolean supervised) {
        ConversationFormat format = DatasetFormats.byName(name, field, PromptOptions.defaults());
        if (format.supervised() != supervised) {
            List<String> fitting = DatasetFormats.all(PromptOptions.defaults()).stream()
                    .filter(f -> f.supervised() == supervised).map(ConversationFormat::name).toList();
            throw new IllegalArgumentException(field + " '" + name + "' is a " + (supervised ? "preference" : "supervised")
                    + " format; " + field + " takes one of " + fitting);
        }
    }
}
