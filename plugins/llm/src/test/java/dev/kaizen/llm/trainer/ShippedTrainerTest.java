package dev.kaizen.llm.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kaizen.llm.testing.FakeOpenAiServer;
import dev.kaizen.llm.testing.FakeOpenAiServer.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of the shipped trainer ({@code dist/src/trainers}) that need no TRL: its checks of its
 * arguments, and serving through vLLM's runtime LoRA endpoints against {@link FakeOpenAiServer}.
 * Skipped where there is no {@code python3}; the CPU check runs the rest.
 */
class ShippedTrainerTest {

    private static final Path TRAINERS = Path.of("..", "..", "dist", "src", "trainers").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private record Result(int code, String output) {
    }

    private static Result python(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no python3: " + e.getMessage());
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    @Test
    void badArgumentsAreRefusedWithWhatToGive() throws Exception {
        String train = TRAINERS.resolve("kaizen_train.py").toString();
        Result missing = python(train, "dpo", "--data", dir.resolve("none.jsonl").toString(), "--base-model", "m",
                "--output", dir.toString(), "--name", "n", "--server", "http://127.0.0.1:1/v1");
        assertThat(missing.code()).as(missing.output()).isEqualTo(2);
        assertThat(missing.output()).contains("--data " + dir.resolve("none.jsonl") + " is missing or empty");

        Path data = Files.writeString(dir.resolve("rows.jsonl"), "{}\n");
        Result noServer = python(train, "sft", "--data", data.toString(), "--base-model", "m", "--output",
                dir.toString(), "--name", "n");
        assertThat(noServer.code()).isEqualTo(2);
        assertThat(noServer.output()).contains("--serve vllm-lora needs --server (the API root the policy uses)");

        Result badMode = python(train, "sft", "--data", data.toString(), "--base-model", "m", "--output",
                dir.toString(), "--name", "n", "--serve", "ollama");
        assertThat(badMode.code()).isEqualTo(2);
        assertThat(badMode.output()).contains("invalid choice: 'ollama'").contains("vllm-lora")
                .contains("transformers");
    }

    /** Runs kaizen_serve.serve with {@code mode} against {@code server}; returns its output and exit code. */
    private Result serve(FakeOpenAiServer server, String mode, String adapter, String more) throws Exception {
        String script = "import sys; sys.path.insert(0, sys.argv[1]); import kaizen_serve\n"
                + "try:\n"
                + "    kaizen_serve.serve(sys.argv[2], sys.argv[3], 'kaizen-iter-1', sys.argv[4], "
                + (adapter == null ? "None" : "sys.argv[4]") + ", ready_seconds=2" + more + ")\n"
                + "except kaizen_serve.ServeError as e:\n"
                + "    print('ServeError:', e); sys.exit(3)\n";
        return python("-c", script, TRAINERS.toString(), mode, server.baseUrl().toString(), dir.toString());
    }

    @Test
    void vllmLoraLoadsTheAdapterAndWaitsUntilItIsListed() throws Exception {
        List<String> loaded = new ArrayList<>();
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> {
            if (e.path().endsWith("/load_lora_adapter")) {
                loaded.add(e.body().path("lora_name").asText() + " " + e.body().path("lora_path").asText());
                return Reply.json("{}");
            }
            if (e.path().endsWith("/unload_lora_adapter")) {
                return Reply.status(404, "{\"error\": \"not loaded\"}");
            }
            String listed = loaded.isEmpty() ? "base" : "kaizen-iter-1";
            return Reply.json("{\"object\":\"list\",\"data\":[{\"id\":\"" + listed + "\"}]}");
        })) {
            Result result = serve(server, "vllm-lora", "adapter", "");
            assertThat(result.code()).as(result.output()).isZero();
            assertThat(loaded).containsExactly("kaizen-iter-1 " + dir);
            assertThat(result.output()).contains("kaizen-serve: " + server.baseUrl() + " lists kaizen-iter-1");
        }
    }

    @Test
    void aServerThatCannotLoadAdaptersOrNeverListsTheModelIsReportedWithWhatToDo() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> e.path().endsWith("/models")
                ? Reply.json("{\"object\":\"list\",\"data\":[{\"id\":\"base\"}]}")
                : Reply.status(404, "{\"detail\": \"Not Found\"}"))) {
            Result refused = serve(server, "vllm-lora", "adapter", "");
            assertThat(refused.code()).isEqualTo(3);
            assertThat(refused.output()).contains("vLLM refused to load adapter " + dir + " as 'kaizen-iter-1' "
                    + "(status 404").contains("start vLLM with --enable-lora")
                    .contains("VLLM_ALLOW_RUNTIME_LORA_UPDATING=True");

            Result full = serve(server, "vllm-lora", null, "");
            assertThat(full.code()).isEqualTo(3);
            assertThat(full.output()).contains("this training was a full fine-tuning")
                    .contains("--serve command");

            Result noPid = serve(server, "transformers", null, "");
            assertThat(noPid.code()).isEqualTo(3);
            assertThat(noPid.output()).contains("needs --server-pid-file");
        }
        try (FakeOpenAiServer server = FakeOpenAiServer.start((e, call) -> e.path().endsWith("/models")
                ? Reply.json("{\"object\":\"list\",\"data\":[{\"id\":\"base\"}]}") : Reply.json("{}"))) {
            Result unlisted = serve(server, "vllm-lora", "adapter", "");
            assertThat(unlisted.code()).isEqualTo(3);
            assertThat(unlisted.output()).contains("/models did not list 'kaizen-iter-1' within 2 s (it lists "
                    + "['base'])");
        }
    }
}
