package dev.kaizen.llm.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Checks of the fields of the {@code llm} parts' configs: the server's URL, the API key's variable
 * and number ranges ({@link ConnectionFields} holds the connection fields themselves). Error
 * messages name the config field and what is allowed. Stateless.
 */
public final class ClientFields {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ClientFields() {
    }

    /**
     * Checks that {@code apiKeyEnv} names an environment variable; blank means none. Its value is
     * never echoed: a key pasted here by mistake must not end up in an error message or a log.
     */
    public static String apiKeyEnv(String apiKeyEnv) {
        if (apiKeyEnv == null || apiKeyEnv.isBlank()) {
            return null;
        }
        if (!VARIABLE_NAME.matcher(apiKeyEnv).matches()) {
            throw new IllegalArgumentException("apiKeyEnv must be the NAME of an environment variable "
                    + "(letters, digits and _), e.g. OPENAI_API_KEY; the value given is not a variable name "
                    + "(it is not shown here in case it is the key itself)");
        }
        return apiKeyEnv;
    }

    /**
     * Checks a base URL.
     *
     * @throws IllegalArgumentException naming the field, the value and what is allowed
     */
    public static URI baseUrl(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required: the server's OpenAI-compatible API root, "
                    + "e.g. http://localhost:8000/v1");
        }
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " must be an http:// or https:// URL such as "
                    + "http://localhost:8000/v1, got '" + value + "'");
        }
    }

    /** Checks that a number is at least {@code min}. */
    public static void atLeast(String field, Number value, double min) {
        if (!(value.doubleValue() >= min) || Double.isInfinite(value.doubleValue())) {
            throw new IllegalArgumentException(field + " must be a finite number >= " + trim(min) + ", got " + value);
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
