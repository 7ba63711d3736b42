package dev.kaizen.agentgym.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each built-in profile cleans the agent's text as AgentGym's Python client for that family does
 * (agentenv/envs/*.py): the expected values are what the client's code gives for the same text.
 */
class ActionCleanupTest {

    private static ActionCleanup.Cleaned clean(String profile, String text) {
        return new ActionCleanup(Profiles.builtIn(profile).cleanup()).apply(text);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            textcraft | craft 4 stick using 2 planks.                                  | craft 4 stick using 2 planks
            textcraft | Action: craft 4 stick using 2 planks                           | craft 4 stick using 2 planks
            textcraft | Thought:\\nI need sticks.\\n\\nAction:\\ncraft 4 stick using 2 planks.\\n | craft 4 stick using 2 planks
            textcraft | Thought: planks first.\\nAction: get 2 oak planks\\nmore words  | get 2 oak planks
            textcraft | "get 1 lapis_lazuli!!"                                          | get 1 lapislazuli
            textcraft | craft 1 golden carrot using 8 gold nugget,   1 carrot           | craft 1 golden carrot using 8 gold nugget, 1 carrot
            babyai    | Action: go to red ball 1.                                      | go to red ball 1
            babyai    | turn left                                                      | turn left
            alfworld  | Thought: go.\\nAction: put mug 1 in/on desk 1                  | put mug 1 in/on desk 1
            alfworld  | Action: look\\nAction: take mug 1 from desk 1                  | take mug 1 from desk 1
            alfworld  | go to desk 1                                                   | go to desk 1
            webshop   | Thought:\\nI think I search.\\n\\nAction: \\nsearch[red shirt] | search[red shirt]
            sciworld  | Action: focus on thermometer                                   | focus on thermometer
            maze      | Action: move up\\nAction: move down                            | move up
            maze      | move left                                                      | move left
            wordle    | Thought: try.\\n\\nAction:\\nc r a n e                         | c r a n e
            sqlgym    | Thought: x\\n\\nAction: ```sql\\nSELECT 1;\\n```               | SELECT 1;
            sqlgym    | SELECT name FROM users                                         | SELECT name FROM users
            sqlgym    | ```sql SELECT a``` and ```sql SELECT b```                      | SELECT b
            searchqa  | <search> capital of France </search>                          | <search> capital of France </search>
            weather   | get_user_current_date with Action Input: {}                    | get_user_current_date with Action Input: {}
            webarena  | In summary, the next action I will perform is ```click [1234]``` | In summary, the next action I will perform is ```click [1234]```
            """)
    void cleansAsAgentGymsClientDoes(String profile, String text, String sent) {
        ActionCleanup.Cleaned cleaned = clean(profile, text.replace("\\n", "\n"));
        assertThat(cleaned.refused()).isFalse();
        assertThat(cleaned.text()).isEqualTo(sent);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            textcraft | Action: get 1 coal\\nAction: craft 1 torch using 1 stick, 1 coal | Error: Only one 'Action' is allowed per response. Please adjust your response.
            babyai    | Action: turn left\\nAction: turn right                        | Error: Only one 'Action' is allowed per response. Please adjust your response.
            webarena  | click [1234]                                                   | Cannot parse action from response. Your action should be inside triple backticks (```). Please adjust accordingly.
            """)
    void refusesWhereAgentGymsClientAnswersWithoutAskingTheServer(String profile, String text, String message) {
        ActionCleanup.Cleaned cleaned = clean(profile, text.replace("\\n", "\n"));
        assertThat(cleaned.refused()).isTrue();
        assertThat(cleaned.refusal()).isEqualTo(message);
        assertThat(cleaned.text()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"alfworld", "sciworld", "webshop", "maze", "wordle"})
    void anEndOfSequenceTokenIsRemoved(String profile) {
        // AgentGym's client removes five characters for the four of </s>, and with them the action's last one
        assertThat(clean(profile, "Action: look around</s>").text()).isEqualTo("look around");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"textcraft", "sciworld", "sqlgym", "maze", "searchqa"})
    void textWithoutAnActionLineIsTheActionItself(String profile) {
        // Kaizen's policies send the action alone; AgentGym's client would send "" for some families
        assertThat(clean(profile, "inventory").text()).isEqualTo("inventory");
    }
}
