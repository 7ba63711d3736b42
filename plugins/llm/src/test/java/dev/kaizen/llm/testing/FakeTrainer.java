package dev.kaizen.llm.testing;

import dev.kaizen.llm.testing.FakeOpenAiServer.Exchange;
import dev.kaizen.llm.testing.FakeOpenAiServer.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the Python that the shipped {@code trainers/kaizen-train} runs ({@code KAIZEN_PYTHON}):
 * a shell script that records its arguments, checks that its {@code --data} file holds rows, writes a
 * model folder in {@code --output}, prints a loss as {@code kaizen_train.py} does and then "serves" the
 * model by adding {@code --name} to a file that {@link #responder} lists under {@code GET /models}.
 * {@code body} is shell code run before all that ({@code exit 3} makes the trainer fail; {@code sleep
 * 300 & echo $! > F; wait} leaves a child). No Python needed.
 */
public final class FakeTrainer {

    private final Path script;
    private final Path calls;
    private final Path served;

    public FakeTrainer(Path directory, String body) {
        this.script = directory.resolve("fake-python");
        this.calls = directory.resolve("trainer-calls.txt");
        this.served = directory.resolve("served.txt");
        String text = """
                #!/bin/sh
                # $1 is kaizen_train.py; the rest are its arguments
                shift
                echo "$@" >> '%s'
                %s
                kind="$1"; shift
                while [ $# -gt 0 ]; do
                  case "$1" in
                    --data) data="$2" ;;
                    --output) output="$2" ;;
                    --name) name="$2" ;;
                  esac
                  shift 2
                done
                test -s "$data" || { echo "no data in $data" >&2; exit 2; }
                mkdir -p "$output/adapter"
                echo '{"loss": 0.25, "step": 1}'
                echo "kaizen-train: $kind done: $name"
                echo "$name" >> '%s'
                """.formatted(calls, body, served);
        try {
            Files.writeString(script, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script, for {@code KAIZEN_PYTHON}. */
    public Path script() {
        return script;
    }

    /** Each call's arguments (after the script's path), one line each. */
    public List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    /** The names the trainer made the server serve, in order. */
    public List<String> served() throws IOException {
        return Files.exists(served) ? Files.readAllLines(served) : List.of();
    }

    /** Answers as {@code model} does, but lists {@code fake} and every model this trainer served. */
    public FakeOpenAiServer.Responder responder(FakeOpenAiServer.Responder model) {
        return (Exchange exchange, int call) -> {
            if (!exchange.path().endsWith("/models")) {
                return model.reply(exchange, call);
            }
            List<String> ids = new ArrayList<>(List.of("fake"));
            try {
                ids.addAll(served());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            StringBuilder data = new StringBuilder();
            for (String id : ids) {
                data.append(data.length() == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\",\"object\":\"model\"}");
            }
            return Reply.json("{\"object\":\"list\",\"data\":[" + data + "]}");
        };
    }
}
