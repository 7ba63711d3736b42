package dev.kaizen.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a config field whose value is a secret (a licence key, a password): the host never writes
 * or prints it. Put it on the record component:
 * {@code record AcmeCriticConfig(@Secret String license, Double weight) implements CriticConfig}.
 *
 * <p>The host masks a secret everywhere it writes or prints: the run directory's
 * {@code recipe.yaml} keeps a {@code ${env:NAME}} reference as written and shows a value given in
 * the recipe or with {@code --set} as {@code ******}; the value itself never reaches
 * {@code summary.json}, {@code metrics.jsonl}, {@code report.html}, error messages, log lines or
 * {@code kaizen components}. Recipes read a secret from the environment with
 * {@code license: ${env:ACME_LICENSE}}, so that a resumed run reads it again; a run whose recipe
 * held the value itself cannot be resumed.
 *
 * <p>Fields named like secrets need no annotation: a name that ends in {@code key}, {@code token},
 * {@code secret} or {@code password}, or that contains {@code credential} (any case, as Spring
 * Boot's sanitiser reads names), is masked the same way. Use this annotation for the others.
 *
 * <p>What a part does with the value is its own affair: it must not log it, put it in exception
 * messages or write it to its checkpoints.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface Secret {
}
