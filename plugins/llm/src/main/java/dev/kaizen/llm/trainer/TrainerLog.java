package dev.kaizen.llm.trainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an iteration's {@code train.log}: the losses the trainer reported ({@code 'loss': 0.41} or
 * {@code "train_loss": ...}, as TRL and the Hugging Face trainer print them) and its last lines for
 * an error message. The command line written before the trainer's output is skipped. Stateless.
 */
final class TrainerLog {

    /** Logged as the optimiser: its log is the one users follow. */
    private static final Logger LOG = LoggerFactory.getLogger(TrlOptimizer.class);
    private static final Pattern LOSS = Pattern.compile("['\"](?:train_)?loss['\"]\\s*:\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)");

    private TrainerLog() {
    }

    /** Every loss in the log, in order; none if there is no log or it cannot be read. */
    static List<Double> losses(Path log) {
        List<Double> out = new ArrayList<>();
        if (!Files.exists(log)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("$ ")) {
                    continue; // the command line written before the trainer's output
                }
                Matcher m = LOSS.matcher(line);
                while (m.find()) {
                    out.add(Double.parseDouble(m.group(1)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("cannot read losses from {}: {}", log, e.getMessage());
        }
        return out;
    }

    /** The log's last {@code lines} lines, introduced, for an error message; empty for 0 lines. */
    static String tail(Path log, int lines) {
        if (lines == 0) {
            return "";
        }
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return "last " + last.size() + " lines of the log:\n" + String.join("\n", last);
        } catch (IOException e) {
            return "(the log cannot be read: " + e.getMessage() + ")";
        }
    }
}
