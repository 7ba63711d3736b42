package dev.kaizen.core.cli;

/**
 * A command that a module outside core adds to {@code kaizen} (e.g. {@code sweep}, which brings
 * Apache Spark), found with {@link java.util.ServiceLoader} when the module is on the class path.
 */
public interface CommandExtension {

    /** The command's name, e.g. {@code sweep}. */
    String name();

    /** The picocli command object, which may use {@code kaizen}'s services. */
    Object command(Kaizen kaizen);
}
