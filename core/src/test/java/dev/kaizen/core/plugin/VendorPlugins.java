package dev.kaizen.core.plugin;

/**
 * Java source of a vendor's environment plugin, as written outside the project: environment
 * {@code NAME} (package {@code com.vendor.NAME}) whose tasks ask for a word, with three secrets in its
 * config that it handles carelessly (logs them, puts one in an error message and a metric). Hooks
 * put library calls where a vendor's code would make them.
 */
public final class VendorPlugins {

    private VendorPlugins() {
    }

    /**
     * The config record {@code com.vendor.NAME.VendorConfig(word, licenseKey, vaultToken, passphrase)}:
     * two secrets by name, one ({@code passphrase}) by annotation; the licence defaults to a demo one.
     */
    public static String config(String name) {
        return config(name, "");
    }

    /** {@link #config(String)} with {@code onBuild}, a statement, run whenever the config is built. */
    public static String config(String name, String onBuild) {
        return """
                package com.vendor.NAME;

                import dev.kaizen.api.Secret;
                import dev.kaizen.api.env.EnvironmentConfig;

                public record VendorConfig(String word, String licenseKey, String vaultToken, @Secret String passphrase)
                        implements EnvironmentConfig {
                    public VendorConfig {
                        word = word == null ? "hello" : word;
                        licenseKey = licenseKey == null ? "demo-licence-0000" : licenseKey;
                        ON_BUILD
                    }
                }
                """.replace("NAME", name).replace("ON_BUILD", onBuild);
    }

    /**
     * The factory {@code com.vendor.NAME.VendorFactory}.
     *
     * @param word the expression for the word to say, evaluated when the environment is created
     *     (e.g. a call into a library); {@code config.word()} for none
     * @param onReset a statement run at every reset, e.g. a library call; empty for none
     */
    public static String factory(String name, String word, String onReset) {
        return """
                package com.vendor.NAME;

                import dev.kaizen.api.ComponentContext;
                import dev.kaizen.api.env.Action;
                import dev.kaizen.api.env.Environment;
                import dev.kaizen.api.env.EnvironmentFactory;
                import dev.kaizen.api.env.Episode;
                import dev.kaizen.api.env.Observation;
                import dev.kaizen.api.env.Split;
                import dev.kaizen.api.env.Task;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.Map;
                import org.pf4j.Extension;

                @Extension
                public final class VendorFactory implements EnvironmentFactory<VendorConfig> {
                    @Override public String name() { return "NAME"; }
                    @Override public Class<VendorConfig> configType() { return VendorConfig.class; }
                    @Override public String description() { return "a vendor's environment"; }

                    @Override
                    public Environment create(VendorConfig config, ComponentContext context) {
                        org.slf4j.LoggerFactory.getLogger(VendorFactory.class).info("licence {} with token {} and "
                                + "passphrase {}", config.licenseKey(), config.vaultToken(), config.passphrase());
                        if (String.valueOf(config.licenseKey()).startsWith("revoked")) {
                            throw new IllegalArgumentException("licence " + config.licenseKey() + " was revoked");
                        }
                        context.metrics().record("vault", Map.of("licenseKey", String.valueOf(config.licenseKey()),
                                "note", "opened with " + config.passphrase() + " and " + config.vaultToken()));
                        String word = WORD;
                        return new Environment() {
                            @Override
                            public List<Task> tasks(Split split) {
                                List<Task> tasks = new ArrayList<>();
                                for (int i = 0; i < 3; i++) {
                                    tasks.add(new Task(split + "-" + i, split, "say " + word));
                                }
                                return tasks;
                            }

                            @Override
                            public Episode reset(Task task, long seed) {
                                ON_RESET
                                return new Episode() {
                                    private Observation observation = new Observation(task.instruction(),
                                            List.of(Action.of("say[" + word + "]")), List.of(), false, 0.0, Map.of());

                                    @Override public Task task() { return task; }
                                    @Override public Observation observation() { return observation; }

                                    @Override
                                    public Observation step(Action action) {
                                        observation = new Observation("you said " + action.argument(), List.of(),
                                                List.of(), true, 1.0, Map.of());
                                        return observation;
                                    }
                                };
                            }
                        };
                    }
                }
                """.replace("NAME", name).replace("WORD", word).replace("ON_RESET", onReset);
    }
}
