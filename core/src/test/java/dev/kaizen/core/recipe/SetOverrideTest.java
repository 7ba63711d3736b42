package dev.kaizen.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kaizen.core.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetOverrideTest {

    private final YAMLMapper yaml = new YAMLMapper();

    private ObjectNode apply(String... sets) {
        ObjectNode root = yaml.createObjectNode();
        for (String set : sets) {
            SetOverride.parse(set, yaml).applyTo(root);
        }
        return root;
    }

    @Test
    void valuesAreReadAsYamlScalars() {
        ObjectNode root = apply("a=3", "b=2.5", "c=true", "d=null", "e=hello world", "f=007", "g=-1e3", "h='42'", "i=");
        assertThat(root.get("a").isInt()).isTrue();
        assertThat(root.get("a").asInt()).isEqualTo(3);
        assertThat(root.get("b").asDouble()).isEqualTo(2.5);
        assertThat(root.get("c").isBoolean()).isTrue();
        assertThat(root.get("d").isNull()).isTrue();
        assertThat(root.get("e").asText()).isEqualTo("hello world");
        assertThat(root.get("g").asDouble()).isEqualTo(-1000.0);
        assertThat(root.get("h").isTextual()).isTrue();
        assertThat(root.get("h").asText()).isEqualTo("42");
        assertThat(root.get("i").asText()).isEmpty();
    }

    @Test
    void flowListsAndMapsAreValues() {
        ObjectNode root = apply("evaluation.splits=[unseen]", "method.explorer={type: sample, samples: 4}",
                "url=http://localhost:8000/v1");
        assertThat(root.at("/evaluation/splits").isArray()).isTrue();
        assertThat(root.at("/evaluation/splits/0").asText()).isEqualTo("unseen");
        assertThat(root.at("/method/explorer/type").asText()).isEqualTo("sample");
        assertThat(root.at("/method/explorer/samples").asInt()).isEqualTo(4);
        assertThat(root.get("url").asText()).isEqualTo("http://localhost:8000/v1");
    }

    @Test
    void nestedObjectsAreCreatedAndExistingOnesKept() {
        ObjectNode root = apply("method.optimizer.lr=0.01", "method.optimizer.epochs=3", "method.type=bc");
        assertThat(root.toString()).isEqualTo("{\"method\":{\"optimizer\":{\"lr\":0.01,\"epochs\":3},\"type\":\"bc\"}}");
        assertThat(SetOverride.parse("a.b.c=1", yaml).path()).isEqualTo(List.of("a", "b", "c"));
        assertThat(SetOverride.parse("a.b.c=1", yaml).dottedPath()).isEqualTo("a.b.c");
    }

    @Test
    void laterOverridesWin() {
        assertThat(apply("seed=1", "seed=2").get("seed").asInt()).isEqualTo(2);
        assertThat(apply("x={a: 1}", "x.b=2").toString()).isEqualTo("{\"x\":{\"a\":1,\"b\":2}}");
    }

    @Test
    void badOverridesAreExplained() {
        assertThatThrownBy(() -> SetOverride.parse("seed", yaml)).isInstanceOf(BadInputException.class)
                .hasMessage("--set seed: expected path.to.field=value, e.g. --set seed=11");
        assertThatThrownBy(() -> SetOverride.parse("=3", yaml)).hasMessageContaining("expected path.to.field=value");
        assertThatThrownBy(() -> SetOverride.parse("a..b=3", yaml)).hasMessageContaining("'a..b' is not a dotted field path");
        assertThatThrownBy(() -> SetOverride.parse("a b=3", yaml)).hasMessageContaining("is not a dotted field path");
        assertThatThrownBy(() -> SetOverride.parse("x=[unclosed", yaml)).hasMessageContaining("--set x=[unclosed: the value is not valid YAML");
        assertThatThrownBy(() -> apply("seed=3", "seed.low=1")).hasMessage("--set seed.low=1: 'seed' is 3, not an object with fields");
    }

    @Test
    void aValueThatIsNotYamlIsOneLineNamingTheSetAndTheProblem() {
        assertThatThrownBy(() -> SetOverride.parse("evaluation.splits=[seen", yaml))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--set evaluation.splits=[seen: the value is not valid YAML at column 6: expected ',' or ']', "
                        + "but got <stream end> (while parsing a flow sequence); quote it, e.g. "
                        + "--set evaluation.splits='[seen'");
        assertThatThrownBy(() -> SetOverride.parse("x={a: 1, a: 2}", yaml))
                .hasMessageStartingWith("--set x={a: 1, a: 2}: the value is not valid YAML at column ")
                .hasMessageContaining("Duplicate field 'a'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aValueOverTheLimitIsRefusedBeforeItIsRead() {
        assertThatThrownBy(() -> SetOverride.parse("description=" + "x".repeat(InputLimits.MAX_VALUE_CHARS + 1), yaml))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--set description=...: the value is 65537 characters; a value is at most 65536 characters "
                        + "(64 KiB)");
    }

    @Test
    void aliasesInAValueAreResolved() {
        assertThat(apply("x=[&a {b: 1}, *a]").toString()).isEqualTo("{\"x\":[{\"b\":1},{\"b\":1}]}");
        assertThatThrownBy(() -> apply("x=*nothing")).hasMessage("--set x=*nothing: line 1, column 1: alias *nothing "
                + "names no anchor; put &nothing on a value before it");
    }
}
