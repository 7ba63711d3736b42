package dev.kaizen.core.run.provenance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Kaizen build this process runs, as captured when core was built.
 *
 * @param version the project version
 * @param commit the git commit core was built from, or {@code unknown} (a build from a source tree
 *     without git)
 * @param dirty whether the working tree had uncommitted changes then; null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KaizenBuild(String version, String commit, Boolean dirty) {

    /** What is recorded for a value the build did not capture. */
    public static final String UNKNOWN = "unknown";

    public KaizenBuild {
        requireNonNull(version, "version is null");
        requireNonNull(commit, "commit is null");
    }

    /** The build of the running core, from its {@code build.properties} resource. */
    public static KaizenBuild current() {
        Properties properties = new Properties();
        try (InputStream in = KaizenBuild.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource leaves every value unknown
        }
        return of(properties);
    }

    /** The build that {@code properties} describe; values the build left unfilled are unknown. */
    static KaizenBuild of(Properties properties) {
        String dirty = value(properties, "dirty");
        return new KaizenBuild(value(properties, "version"), value(properties, "commit"),
                dirty.equals(UNKNOWN) ? null : Boolean.valueOf(dirty));
    }

    private static String value(Properties properties, String key) {
        String value = properties.getProperty(key, "").strip();
        return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
    }
}
