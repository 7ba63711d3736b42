package dev.kaizen.agentgym.profile;

/**
 * A GET request whose answer holds a list or a text (e.g. WebShop's {@code /instruction_text}, wordle's
 * {@code /filtered_vocab}).
 *
 * @param path the endpoint
 * @param query the query parameter that names the instance ({@code ?id=3}); null for none
 * @param pointer the JSON pointer to the list or text in the answer; default {@code ""} (the whole answer)
 * @param placeholder where the result goes in a preamble, e.g. {@code {{vocab}}}; default {@code {}}
 * @param separator what joins a list's items; default a line break
 * @param format how the text becomes an action, e.g. {@code search[{}]}; default {@code {}}
 * @param removePrefix text removed from the start of the answer (e.g. WebShop's {@code Instruction:}), or null
 */
public record ListRead(String path, String query, String pointer, String placeholder, String separator,
                       String format, String removePrefix) {

    public ListRead {
        path = Fields.path(path, "path");
        pointer = Fields.pointer(pointer == null ? "" : pointer, "pointer", true);
        placeholder = placeholder == null || placeholder.isEmpty() ? "{}" : placeholder;
        separator = separator == null ? "\n" : separator;
        format = format == null ? "{}" : format;
        if (!format.contains("{}")) {
            throw new IllegalArgumentException("format must contain {} where the text goes, got '" + format + "'");
        }
    }
}
