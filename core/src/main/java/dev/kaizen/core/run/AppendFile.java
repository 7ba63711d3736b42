package dev.kaizen.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A JSON Lines file that is only appended to; each {@link #append} is written and flushed at once.
 * Thread-safe.
 */
final class AppendFile implements AutoCloseable {

    private final Path path;
    private FileChannel channel;
    private Writer writer;

    AppendFile(Path path) {
        this.path = path;
    }

    synchronized void append(List<String> lines) {
        try {
            if (writer == null) {
                Files.createDirectories(path.getParent());
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
                writer = Channels.newWriter(channel, StandardCharsets.UTF_8);
            }
            StringBuilder text = new StringBuilder();
            for (String line : lines) {
                text.append(line).append('\n');
            }
            writer.write(text.toString());
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + path + ": " + e.getMessage(), e);
        }
    }

    /** Forces written lines to disk. */
    synchronized void sync() {
        try {
            if (channel != null) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path + ": " + e.getMessage(), e);
        } finally {
            writer = null;
            channel = null;
        }
    }
}
