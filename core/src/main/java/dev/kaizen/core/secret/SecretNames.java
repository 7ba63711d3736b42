package dev.kaizen.core.secret;

import dev.kaizen.api.Secret;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;

/**
 * Which fields hold secrets: those marked {@link Secret}, and those named like one, so that a
 * plugin that never heard of the annotation is masked too. A name is a secret's when it ends in
 * {@code key}, {@code token}, {@code secret} or {@code password}, or contains {@code credential},
 * in any case: the words Spring Boot's sanitiser masks ({@code apiKey}, {@code licenseKey},
 * {@code clientSecret}; not {@code apiKeyEnv} or {@code maxTokens}). Stateless.
 */
public final class SecretNames {

    /** What a masked value reads as. */
    public static final String MASK = "******";

    private static final List<String> ENDINGS = List.of("key", "token", "secret", "password");
    private static final String ANYWHERE = "credential";

    private SecretNames() {
    }

    /** Whether a field of this name holds a secret, whatever its type. */
    public static boolean isSecretName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains(ANYWHERE) || ENDINGS.stream().anyMatch(lower::endsWith);
    }

    /** Whether a record component holds a secret: marked {@link Secret}, or named like one. */
    public static boolean isSecret(RecordComponent component, String name) {
        return component.isAnnotationPresent(Secret.class) || component.getAccessor().isAnnotationPresent(Secret.class)
                || isSecretName(name);
    }
}
