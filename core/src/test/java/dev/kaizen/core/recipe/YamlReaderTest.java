package dev.kaizen.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kaizen.core.BadInputException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class YamlReaderTest {

    private final YAMLMapper mapper = new YAMLMapper();
    private final YamlReader yaml = new YamlReader(mapper);

    @Test
    void aliasesAreCopiesOfTheAnchoredValues() throws Exception {
        JsonNode root = yaml.read("""
                seed: &s 7
                base: &b {type: sample, samples: 4}
                splits: &l [seen, unseen]
                other: *s
                search: *b
                again: *l
                nested: {inner: *b}
                """);
        assertThat(root.get("other").isInt()).isTrue();
        assertThat(root.get("other").intValue()).isEqualTo(7);
        assertThat(root.get("search")).isEqualTo(root.get("base"));
        assertThat(root.get("again").toString()).isEqualTo("[\"seen\",\"unseen\"]");
        assertThat(root.at("/nested/inner/samples").intValue()).isEqualTo(4);
        ((ObjectNode) root.get("search")).put("samples", 9);
        assertThat(root.at("/base/samples").intValue()).as("a copy, not the same node").isEqualTo(4);
    }

    @Test
    void aRedefinedAnchorCountsFromWhereItIsRedefined() throws Exception {
        JsonNode root = yaml.read("a: &x [&y 1]\ny: &y 2\nb: *x\nc: *y\n");
        assertThat(root.get("b").toString()).isEqualTo("[1]");
        assertThat(root.get("c").intValue()).isEqualTo(2);
    }

    @Test
    void mergeKeysAddTheFieldsAMapDoesNotSetItself() throws Exception {
        JsonNode root = yaml.read("""
                base: &base {type: bc, demonstrations: 5, optimizer: {type: tabular-bc}}
                extra: &extra {demonstrations: 9, evaluateBaseline: true}
                one: {<<: *base, demonstrations: 7}
                two:
                  demonstrations: 8
                  <<: [*extra, *base]
                deep: &deep {<<: *base, type: iterate}
                deeper: {<<: *deep}
                """);
        assertThat(root.get("one").toString())
                .isEqualTo("{\"type\":\"bc\",\"optimizer\":{\"type\":\"tabular-bc\"},\"demonstrations\":7}");
        assertThat(root.get("two").toString()).isEqualTo("{\"demonstrations\":8,\"evaluateBaseline\":true,"
                + "\"type\":\"bc\",\"optimizer\":{\"type\":\"tabular-bc\"}}");
        assertThat(root.get("deeper").toString())
                .isEqualTo("{\"demonstrations\":5,\"optimizer\":{\"type\":\"tabular-bc\"},\"type\":\"iterate\"}");
    }

    @Test
    void withoutAliasesTheTreeIsTheOneJacksonReads() throws Exception {
        String text = """
                ints: [0, 7, -3, +4, 007, 0x1F, 0o17, 1_000, 12345678901, 123456789012345678901234567890]
                floats: [2.5, -1e3, 1.5e-3, 1_000.5, 6.02e+23, 0.1]
                booleans: [true, false, True, FALSE, yes, no, on, off, y, n]
                nulls: [null, ~, Null, ]
                strings: ['42', "true", hello world, 2024-01-02, 'a: b # c', "tab\\there", '']
                tagged: [!!str 3, !!int "4", !!float "5", !!bool "true", !!null "", !!binary aGVsbG8=]
                empty:
                block: |
                  line one
                  line two
                folded: >
                  folded
                  text
                nested: {a: [1, {b: c}], d: {}}
                """;
        // built like ConfigBinder's mapper, which recipes were read with (an empty value is "", not null)
        YAMLMapper jackson = new YAMLMapper(YAMLFactory.builder().build());
        assertThat(yaml.read(text)).isEqualTo(jackson.readTree(text));
        assertThat(yaml.read("")).isEqualTo(jackson.readTree(""));
        assertThat(yaml.read("# only a comment\n")).isEqualTo(jackson.readTree("# only a comment\n"));
    }

    @Test
    void duplicateKeysAreMalformed() {
        assertThatThrownBy(() -> yaml.read("seed: 3\nname: x\nseed: 4\n"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field 'seed'");
        assertThatThrownBy(() -> yaml.read("base: &b {a: 1}\nx: {<<: *b, <<: *b}\n"))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field '<<'");
    }

    @Test
    void anAliasWithoutAnAnchorIsNamedWithItsPlace() {
        assertThatThrownBy(() -> yaml.read("seed: 7\nother: *s\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("line 2, column 8: alias *s names no anchor; put &s on a value before it");
        assertThatThrownBy(() -> yaml.read("a: &a [1, *a]\n"))
                .hasMessage("line 1, column 11: alias *a is inside the value it names (&a)");
    }

    @Test
    void aMergeKeyTakesOnlyMaps() {
        assertThatThrownBy(() -> yaml.read("policy: {<<: 3, type: x}\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("policy.<<: a merge key takes a map or a list of maps, e.g. <<: *base, got 3");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aBillionLaughsIsRefusedAtOnce() {
        StringBuilder laughs = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char level = 'b'; level <= 'i'; level++) {
            String previous = "*" + (char) (level - 1);
            laughs.append(level).append(": &").append(level).append(" [").append((previous + ", ").repeat(8))
                    .append(previous).append("]\n");
        }
        assertThatThrownBy(() -> yaml.read(laughs.toString()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("line 6, column 20: alias *e makes the aliases repeat more than 1 MiB of values; aliases may "
                        + "repeat at most 1 MiB in all");
    }

    @Test
    void moreThanFiftyAliasesOfListsOrMapsAreRefusedAsBySnakeYaml() throws Exception {
        assertThat(yaml.read("a: &a [x]\nl: [" + "*a, ".repeat(49) + "*a]\n").get("l")).hasSize(50);
        assertThatThrownBy(() -> yaml.read("a: &a [x]\nl: [" + "*a, ".repeat(50) + "*a]\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("line 2, column 205: more than 50 aliases of lists or maps; a recipe may have at most 50");
        assertThat(yaml.read("a: &a x\nl: [" + "*a, ".repeat(99) + "*a]\n").get("l")).as("scalars are not counted")
                .hasSize(100);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aliasesThatDoubleUpWithinTheAliasLimitAreRefused() {
        StringBuilder doubling = new StringBuilder("l0: &l0 [" + "x".repeat(1000) + "]\n");
        for (int level = 1; level <= 20; level++) {
            doubling.append("l").append(level).append(": &l").append(level).append(" [*l").append(level - 1)
                    .append(", *l").append(level - 1).append("]\n");
        }
        assertThatThrownBy(() -> yaml.read(doubling.toString()))
                .isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("makes the aliases repeat more than 1 MiB of values; aliases may repeat at most "
                        + "1 MiB in all");
    }

    @Test
    void aValueOverTheLimitNamesItsPath() {
        String text = "policy: {type: llm, prompt: " + "x".repeat(InputLimits.MAX_VALUE_CHARS + 1) + "}\n";
        assertThatThrownBy(() -> yaml.read(text))
                .isInstanceOf(BadInputException.class)
                .hasMessage("policy.prompt: the value is 65537 characters; a value is at most 65536 characters (64 KiB)");
        String key = "list: [{? " + "k".repeat(InputLimits.MAX_VALUE_CHARS + 1) + " : 1}]\n";
        assertThatThrownBy(() -> yaml.read(key))
                .hasMessage("list[0]: a field name is 65537 characters; a field name is at most 65536 characters");
    }

    @Test
    void textOverTheCodePointLimitIsRefused() {
        String text = "- 1\n".repeat(InputLimits.MAX_RECIPE_BYTES / 4 + 1);
        assertThatThrownBy(() -> yaml.read(text))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("exceeds the limit: 1048576 code points");
    }
}
