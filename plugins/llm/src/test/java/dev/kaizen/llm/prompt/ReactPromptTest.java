package dev.kaizen.llm.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaizen.api.env.Action;
import dev.kaizen.api.env.Observation;
import dev.kaizen.api.env.Split;
import dev.kaizen.api.env.Task;
import dev.kaizen.api.policy.ActionValue;
import dev.kaizen.api.policy.Advice;
import dev.kaizen.api.policy.AgentContext;
import dev.kaizen.api.testing.CounterEnvironment;
import dev.kaizen.api.testing.CounterEnvironmentConfig;
import dev.kaizen.api.trajectory.Step;
import dev.kaizen.api.trajectory.Trajectory;
import dev.kaizen.llm.client.ChatMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReactPromptTest {

    private final CounterEnvironment environment = new CounterEnvironment(new CounterEnvironmentConfig());
    private final Trajectory expert = environment.demonstration(environment.tasks(Split.TRAIN).get(1)).orElseThrow();

    @Test
    void rendersInstructionHistoryObservationAndValidActions() {
        ReactPrompt prompt = new ReactPrompt(PromptOptions.defaults());
        List<ChatMessage> messages = prompt.messages(expert.contextAt(2));

        assertThat(messages).extracting(ChatMessage::role)
                .containsExactly("system", "user", "assistant", "user", "assistant", "user");
        assertThat(messages.get(0).content()).contains("Thought:").contains("Action:");
        assertThat(messages.get(1).content()).startsWith("Task: " + expert.task().instruction())
                .contains("Observation:\n" + expert.steps().get(0).observation().text());
        assertThat(messages.get(2).content()).isEqualTo("Action: click[+1]");
        assertThat(messages.get(5).content())
                .contains("Valid actions:\n- click[+1]\n- click[-1]\n- click[submit]")
                .contains("Action templates (replace {} with your own text):\n- enter[{}]");
    }

    @Test
    void limitsTheHistoryToItsWindow() {
        ReactPrompt prompt = new ReactPrompt(new PromptOptions(null, "Count carefully.", 1, 6000, 100, 2, 600));
        List<ChatMessage> messages = prompt.messages(expert.contextAt(3));
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).content()).endsWith("Count carefully.");
        assertThat(messages.get(1).content()).startsWith("Task: ").contains("(The first 2 steps are not shown.)");
    }

    @Test
    void rendersAdviceAsEncouragedAndDiscouragedActions() {
        Advice advice = new Advice("set the counter to 3", "Value: 2", List.of(
                new ActionValue(Action.of("click[+1]"), 1.0, 3), new ActionValue(Action.of("click[submit]"), 0.0, 2),
                new ActionValue(Action.of("click[-1]"), -0.5, 1)), 0.8);
        AgentContext context = expert.contextAt(0).withAdvice(List.of(advice));
        String last = new ReactPrompt(PromptOptions.defaults()).messages(context).get(1).content();
        assertThat(last).contains("Experience 1 (similarity 0.80)\nTask: set the counter to 3\nObservation: Value: 2\n"
                + "Encouraged:\nclick[+1] -> Q 1.00\nDiscouraged:\nclick[-1] -> Q -0.50\nclick[submit] -> Q 0.00");
        assertThat(last.indexOf("Experience 1")).isLessThan(last.indexOf("Observation:\n"));
    }

    @Test
    void aWholeTrajectoryIsOneConversationMatchingTheStepPrompts() {
        ReactPrompt prompt = new ReactPrompt(PromptOptions.defaults());
        List<ChatMessage> conversation = prompt.conversation(expert.contextAt(0), expert.steps());
        assertThat(conversation.get(conversation.size() - 1)).isEqualTo(ChatMessage.assistant("Action: click[submit]"));
        int t = expert.length() - 1;
        assertThat(conversation.subList(0, conversation.size() - 1)).isEqualTo(prompt.messages(expert.contextAt(t)));
    }

    @Test
    void describesActionsAndFreeText() {
        Observation results = new Observation("results", List.of(Action.of("click[B0001]")), List.of(), false, 0,
                Map.of(), Map.of("click[B0001]", "Red running shoes, $39.99"));
        assertThat(new ReactPrompt(PromptOptions.defaults()).renderObservation(results))
                .contains("- click[B0001] (Red running shoes, $39.99)");
        Observation free = new Observation("You are in a room.", List.of(), List.of("{}"), false, 0, Map.of());
        assertThat(new ReactPrompt(PromptOptions.defaults()).renderObservation(free)).contains("free text");
        Task task = new Task("t", Split.TRAIN, "do it");
        assertThat(new ReactPrompt(PromptOptions.defaults()).messages(task, List.<Step>of(), free, List.of()))
                .hasSize(2);
    }
}
