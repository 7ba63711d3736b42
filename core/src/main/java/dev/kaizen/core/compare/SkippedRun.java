package dev.kaizen.core.compare;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * A run left out of the comparison because it did not complete.
 *
 * @param path its directory
 * @param status its summary's status ({@code running}, {@code failed}, {@code interrupted}), or
 *     {@code missing} for a sweep cell with no summary yet
 */
public record SkippedRun(Path path, String status) {

    public SkippedRun {
        requireNonNull(path, "path is null");
        requireNonNull(status, "status is null");
    }
}
