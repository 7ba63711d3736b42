package dev.kaizen.core.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import dev.kaizen.api.IncompatiblePartsException;
import dev.kaizen.core.BadInputException;
import dev.kaizen.core.plugin.PluginFailure;
import dev.kaizen.core.plugin.PluginDirectories;
import dev.kaizen.core.plugin.PluginHost;
import dev.kaizen.core.recipe.ConfigBinder;
import dev.kaizen.core.recipe.RecipeLoader;
import dev.kaizen.core.registry.ComponentRegistry;
import dev.kaizen.core.registry.NameConflict;
import dev.kaizen.core.rollout.ProgressDisplay;
import dev.kaizen.core.run.provenance.ProvenanceRecorder;
import dev.kaizen.core.run.Runner;
import dev.kaizen.core.secret.MaskingOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code kaizen} command line. {@link #main} runs it on the process's streams and exits with
 * its code; {@link #execute} runs it on the given streams and returns the code (tests use this).
 *
 * <p>Exit codes: 0 ok; 1 the run failed; 2 bad input (recipe, arguments, plugin set-up,
 * incompatible parts). Errors are one line on stderr; {@code --verbose} adds the stack trace.
 * Every line printed has the secret values seen so far masked.
 */
@Command(name = "kaizen", mixinStandardHelpOptions = true, versionProvider = Kaizen.Version.class,
        description = "Train and evaluate LLM agents that improve from their own trials.",
        subcommands = {RunCommand.class, EvalCommand.class, ComponentsCommand.class, PluginsCommand.class,
            BenchCommand.class, PlayCommand.class, ExportCommand.class, CompareCommand.class},
        synopsisSubcommandLabel = "COMMAND")
public final class Kaizen implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Exit code: done. */
    public static final int OK = 0;
    /** Exit code: the run failed. */
    public static final int FAILED = 1;
    /** Exit code: bad input. */
    public static final int BAD_INPUT = 2;

    @Mixin
    GlobalOptions global;

    private final Map<String, String> environment;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    /** Where the progress bar goes: unmasked, since a bar is redrawn in place without line ends, and shows counts. */
    private final PrintStream barErr;
    private final ProgressDisplay.Mode progressMode;
    private final Clock clock;
    private CommandLine commandLine;
    private Injector injector;
    private PluginDirectories pluginDirectories;
    private boolean verbose;
    private boolean sharedPlugins;

    /** Plugin hosts shared by the {@link #sharingPlugins() sharing} instances of this JVM, by plugins directories. */
    private static final Map<String, Injector> SHARED = new ConcurrentHashMap<>();

    /**
     * @param environment the process environment ({@code KAIZEN_HOME}, {@code KAIZEN_PLUGINS})
     * @param progressMode how long work is shown on {@code err}
     */
    public Kaizen(Map<String, String> environment, InputStream in, PrintStream out, PrintStream err,
                  ProgressDisplay.Mode progressMode, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.in = in;
        this.out = MaskingOutputStream.masking(out);
        this.err = MaskingOutputStream.masking(err);
        this.barErr = err;
        this.progressMode = progressMode;
        this.clock = clock;
    }

    public static void main(String[] args) {
        ProgressDisplay.Mode mode = System.console() != null ? ProgressDisplay.Mode.BAR : ProgressDisplay.Mode.LINES;
        int code = new Kaizen(System.getenv(), System.in, System.out, System.err, mode, Clock.systemDefaultZone())
                .execute(args);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Makes this instance load its plugins once per JVM and plugins directory, sharing them with the
     * other sharing instances, and never close them: for running many recipes at once in one JVM (a
     * sweep's cells), where a native library (PyTorch) can be loaded by one class loader only.
     */
    public Kaizen sharingPlugins() {
        sharedPlugins = true;
        return this;
    }

    /**
     * The config binder of the plugins in {@code directories}, loaded once per JVM and shared with
     * the {@link #sharingPlugins() sharing} instances that load the same directories: how a backend's
     * executor in another JVM builds a run's parts.
     */
    public static ConfigBinder sharedBinder(List<Path> directories) {
        Map<String, String> environment = System.getenv();
        PluginDirectories resolved = new PluginDirectories(directories,
                PluginDirectories.none(environment).unpackDirectory());
        return SHARED.computeIfAbsent(resolved.directories().toString(), key -> Guice.createInjector(
                new HostModule(new HostOptions(resolved, environment)))).getInstance(ConfigBinder.class);
    }

    /** Runs the command line and returns its exit code. */
    public int execute(String... args) {
        commandLine = new CommandLine(this);
        for (CommandExtension extension : ServiceLoader.load(CommandExtension.class, Kaizen.class.getClassLoader())) {
            commandLine.addSubcommand(extension.name(), extension.command(this));
        }
        // wide enough that examples such as --set method.demonstrations=500 stay on one line
        commandLine.setUsageHelpWidth(110);
        commandLine.setUsageHelpAutoWidth(true);
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.getSubcommands().get("bench").setUnmatchedOptionsArePositionalParams(true);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            err.println("kaizen: " + e.getMessage());
            err.println("see: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> handle(e));
        try {
            return commandLine.execute(args);
        } finally {
            close();
        }
    }

    /** Bare {@code kaizen}: the usage, on stderr, as an error (a command was expected). */
    @Override
    public Integer call() {
        commandLine.usage(err);
        err.println("kaizen: name a command, e.g. kaizen run bc-shop");
        return BAD_INPUT;
    }

    private int handle(Exception e) {
        Throwable cause = e;
        while (cause instanceof ProvisionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        Optional<String> linkage = loadedPlugins().flatMap(host -> host.linkageFailure(e));
        if (linkage.isPresent() && !(cause instanceof BadInputException)) {
            // a plugin's code could not link while it ran: the run failed, the plugin is named
            err.println("kaizen: failed: " + linkage.get());
            if (verbose) {
                cause.printStackTrace(err);
            }
            return FAILED;
        }
        Throwable badInput = cause;
        while (badInput != null && !(badInput instanceof BadInputException)
                && !(badInput instanceof IncompatiblePartsException)) {
            badInput = badInput.getCause();
        }
        if (badInput != null) {
            err.println("kaizen: " + badInput.getMessage());
            if (verbose) {
                cause.printStackTrace(err);
            }
            return BAD_INPUT;
        }
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        err.println("kaizen: failed: " + message);
        if (verbose) {
            cause.printStackTrace(err);
        } else {
            err.println("(run with --verbose for the stack trace)");
        }
        return FAILED;
    }

    /** Applies a command's global options (they may come before or after the command's name). */
    public void configure(GlobalOptions options) {
        verbose = options.verbose || global.verbose;
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger("org.pf4j").setLevel(verbose ? Level.INFO : Level.OFF);
        logging.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(verbose ? Level.INFO : Level.WARN);
        List<Path> given = new ArrayList<>(global.plugins);
        if (options != global) {
            given.addAll(options.plugins);
        }
        pluginDirectories = PluginDirectories.resolve(environment, given,
                !(options.noBuiltinPlugins || global.noBuiltinPlugins));
    }

    private Injector injector() {
        if (injector == null) {
            PluginDirectories directories = pluginDirectories != null ? pluginDirectories
                    : PluginDirectories.none(environment);
            injector = sharedPlugins
                    ? SHARED.computeIfAbsent(directories.directories().toString(),
                            key -> Guice.createInjector(new HostModule(new HostOptions(directories, environment))))
                    : Guice.createInjector(new HostModule(new HostOptions(directories, environment)));
        }
        return injector;
    }

    /** The plugins directories the command uses (after {@link #configure}); empty if none. */
    public List<Path> pluginDirectories() {
        return pluginDirectories == null ? List.of() : pluginDirectories.directories();
    }

    /** The loaded plugins. */
    PluginHost plugins() {
        return get(PluginHost.class);
    }

    /** The plugins, if this command loaded them. */
    private Optional<PluginHost> loadedPlugins() {
        if (injector == null || injector.getExistingBinding(com.google.inject.Key.get(PluginHost.class)) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(injector.getInstance(PluginHost.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The registry; plugin problems are reported on stderr, one line each, the first time. */
    ComponentRegistry registry() {
        ComponentRegistry registry = get(ComponentRegistry.class);
        if (!registryReported) {
            registryReported = true;
            List<PluginFailure> failures = new ArrayList<>(plugins().failures());
            failures.addAll(registry.failures());
            for (PluginFailure failure : failures) {
                err.println("kaizen: plugin " + failure.file() + " skipped: " + failure.reason());
            }
            for (NameConflict conflict : registry.conflicts()) {
                err.println("kaizen: " + conflict.message());
            }
        }
        return registry;
    }

    private boolean registryReported;

    /** The registry, without reporting plugin problems on stderr (for a command that lists them itself). */
    ComponentRegistry registryUnreported() {
        registryReported = true;
        return get(ComponentRegistry.class);
    }

    ConfigBinder binder() {
        registry();
        return get(ConfigBinder.class);
    }

    public RecipeLoader recipeLoader() {
        registry();
        return get(RecipeLoader.class);
    }

    /** A runner that reports on this invocation's streams and records the loaded plugins. */
    Runner runner() {
        return new Runner(recipeLoader(), progress(), err(), clock(),
                new ProvenanceRecorder(plugins(), registry(), clock()));
    }

    private <T> T get(Class<T> type) {
        try {
            return injector().getInstance(type);
        } catch (ProvisionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private void close() {
        if (!sharedPlugins && injector != null && injector.getExistingBinding(com.google.inject.Key.get(PluginHost.class)) != null) {
            try {
                injector.getInstance(PluginHost.class).close();
            } catch (RuntimeException e) {
                // closing is best effort
            }
        }
    }

    /** {@code $KAIZEN_HOME}, or null. */
    public Path home() {
        String home = environment.get("KAIZEN_HOME");
        return home == null || home.isBlank() ? null : Path.of(home);
    }

    public Map<String, String> environment() {
        return environment;
    }

    InputStream in() {
        return in;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public Clock clock() {
        return clock;
    }

    public ProgressDisplay progress() {
        return new ProgressDisplay(progressMode, progressMode == ProgressDisplay.Mode.BAR ? barErr : err);
    }

    /**
     * A recipe argument as a file: the path itself if it exists, else {@code $KAIZEN_HOME/recipes/ARG}
     * or {@code $KAIZEN_HOME/recipes/ARG.yaml}.
     */
    public Path recipeFile(String argument) {
        Path direct = Path.of(argument);
        if (Files.isRegularFile(direct)) {
            return direct;
        }
        Path home = home();
        if (home == null) {
            throw new BadInputException("recipe '" + argument + "' not found: no such file (set KAIZEN_HOME to also "
                    + "look in $KAIZEN_HOME/recipes)");
        }
        Path recipes = home.resolve("recipes");
        for (Path candidate : List.of(recipes.resolve(argument), recipes.resolve(argument + ".yaml"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        List<String> known = new ArrayList<>();
        if (Files.isDirectory(recipes)) {
            try (Stream<Path> listing = Files.list(recipes)) {
                listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                        .map(n -> n.substring(0, n.length() - 5)).sorted().forEach(known::add);
            } catch (IOException e) {
                // the list is only a hint
            }
        }
        throw new BadInputException("recipe '" + argument + "' not found: no such file, and not in " + recipes
                + "; known recipes: " + known);
    }

    /** {@code runs/NAME-yyyyMMdd-HHmmss}, with a suffix if that exists already. */
    Path defaultRunDirectory(String name) {
        String stamp = LocalDateTime.now(clock).format(STAMP);
        Path candidate = Path.of("runs", name + "-" + stamp);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = Path.of("runs", name + "-" + stamp + "-" + i);
        }
        return candidate;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Kaizen.class.getPackage().getImplementationVersion();
            return new String[] {"kaizen " + (version == null ? "(development)" : version)};
        }
    }
}
