package dev.kaizen.core.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kaizen.core.BadInputException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a completed stage's {@code checkpoints/STAGE/stage.json}. One that is not a
 * {@link StageRecord} (cut short, or edited) is bad input naming the file and the way out: without
 * the stage's folder, a resumed run runs the stage again.
 */
final class StageFile {

    private StageFile() {
    }

    /**
     * The record in {@code file}.
     *
     * @throws BadInputException if the file is not a stage record
     * @throws IOException if it cannot be read
     */
    static StageRecord read(Path file, ObjectMapper json) throws IOException {
        try {
            return json.readValue(file.toFile(), StageRecord.class);
        } catch (JsonProcessingException e) {
            Path folder = file.getParent();
            String problem = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                    : e.getOriginalMessage().strip().lines().findFirst().orElse("");
            throw new BadInputException(file + " is broken (" + problem + "); delete " + folder + ", and the folders of "
                    + "any stages after it, and --resume runs stage " + folder.getFileName() + " again", e);
        }
    }
}
