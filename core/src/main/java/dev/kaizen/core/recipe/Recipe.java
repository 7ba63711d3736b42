package dev.kaizen.core.recipe;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kaizen.api.env.EnvironmentConfig;
import dev.kaizen.api.method.TrainingMethodConfig;
import dev.kaizen.api.policy.PolicyConfig;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A whole experiment: every part and hyper-parameter. Unknown fields are rejected; the resolved
 * recipe, with every default filled, is written to the run directory's {@code recipe.yaml}.
 *
 * @param name the recipe's name, used for the run directory (letters, digits, {@code . _ -});
 *     defaults to the file name
 * @param description free text
 * @param seed the root seed every random stream derives from (default 7)
 * @param environment the environment part
 * @param policy the policy part
 * @param method the training method and its own parts (default {@code {type: evaluate}})
 * @param evaluation how policies are evaluated
 * @param rollout how episodes are run
 * @param environmentReferences the fields whose value the recipe reads from the environment, by JSON
 *     pointer (e.g. {@code /method/critic/license}), with the text that reads it (e.g.
 *     {@code ${env:ACME_LICENSE}}); {@code recipe.yaml} writes that text, never the value. Not a
 *     recipe field.
 */
@JsonPropertyOrder({"name", "description", "seed", "environment", "policy", "method", "evaluation", "rollout"})
public record Recipe(String name, String description, Long seed, EnvironmentConfig environment, PolicyConfig policy,
                     @JsonProperty(defaultValue = "{type: evaluate}") TrainingMethodConfig method,
                     @JsonProperty(defaultValue = "{}") EvaluationSettings evaluation,
                     @JsonProperty(defaultValue = "{}") RolloutSettings rollout,
                     @JsonIgnore Map<String, String> environmentReferences) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public Recipe {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-' (it names the run "
                    + "directory), got " + (name == null ? "nothing" : "'" + name + "'"));
        }
        description = description == null ? "" : description;
        seed = seed == null ? 7L : seed;
        if (environment == null) {
            throw new IllegalArgumentException("missing required field 'environment', e.g. environment: {type: shop}");
        }
        if (policy == null) {
            throw new IllegalArgumentException("missing required field 'policy', e.g. policy: {type: djl-scorer}");
        }
        if (method == null) {
            throw new IllegalArgumentException("method is null; e.g. method: {type: evaluate}");
        }
        if (evaluation == null) {
            throw new IllegalArgumentException("evaluation is null");
        }
        if (rollout == null) {
            throw new IllegalArgumentException("rollout is null");
        }
        environmentReferences = environmentReferences == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(environmentReferences));
    }

    /** A recipe that reads nothing from the environment (how Jackson binds one; references are added after). */
    @JsonCreator
    public Recipe(@JsonProperty("name") String name, @JsonProperty("description") String description,
                  @JsonProperty("seed") Long seed, @JsonProperty("environment") EnvironmentConfig environment,
                  @JsonProperty("policy") PolicyConfig policy, @JsonProperty("method") TrainingMethodConfig method,
                  @JsonProperty("evaluation") EvaluationSettings evaluation,
                  @JsonProperty("rollout") RolloutSettings rollout) {
        this(name, description, seed, environment, policy, method, evaluation, rollout, Map.of());
    }

    /** This recipe with {@code references} as its {@link #environmentReferences()}. */
    public Recipe withEnvironmentReferences(Map<String, String> references) {
        return new Recipe(name, description, seed, environment, policy, method, evaluation, rollout, references);
    }
}
