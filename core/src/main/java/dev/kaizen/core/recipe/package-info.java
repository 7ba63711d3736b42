/**
 * Recipes: YAML files naming every part by {@code type}, read within {@link
 * dev.kaizen.core.recipe.InputLimits} with anchors, aliases and merge keys resolved; {@code --set}
 * overrides; binding to config records with defaults filled (including defaults for nested parts
 * declared with {@code @JsonProperty(defaultValue = "{type: NAME}")}); and the one place where
 * binding errors become messages.
 */
package dev.kaizen.core.recipe;
