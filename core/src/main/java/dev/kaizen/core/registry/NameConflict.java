package dev.kaizen.core.registry;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A name that more than one part claims, or a config type that more than one part reads. No part
 * can be used by that name; recipes that name other parts are not affected.
 *
 * @param subject what is claimed twice, e.g. {@code environment 'shop'}
 * @param message the whole story in one line: who claims it and what to do
 * @param pluginIds the plugins among the claimants (core and classpath aside)
 */
public record NameConflict(String subject, String message, List<String> pluginIds) {

    public NameConflict {
        requireNonNull(subject, "subject is null");
        requireNonNull(message, "message is null");
        pluginIds = List.copyOf(pluginIds);
    }
}
