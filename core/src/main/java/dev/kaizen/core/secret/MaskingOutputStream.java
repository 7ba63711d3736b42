package dev.kaizen.core.secret;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes text on line by line (and at every flush) with the {@link SecretValues} masked. Text is
 * UTF-8. Thread-safe.
 */
public final class MaskingOutputStream extends OutputStream {

    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private MaskingOutputStream(OutputStream target) {
        this.target = target;
    }

    /** A UTF-8 print stream onto {@code target} that masks secrets; {@code target} itself if it already does. */
    public static PrintStream masking(PrintStream target) {
        if (target instanceof Masking) {
            return target;
        }
        return new Masking(new MaskingOutputStream(target));
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            pass();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i + 1 - start);
                pass();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    @Override
    public synchronized void flush() throws IOException {
        pass();
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
    }

    private void pass() throws IOException {
        if (line.size() == 0) {
            return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        target.write(SecretValues.mask(text).getBytes(StandardCharsets.UTF_8));
    }

    /** The print stream {@link #masking} makes, so that it is not wrapped twice. */
    private static final class Masking extends PrintStream {
        Masking(MaskingOutputStream out) {
            super(out, true, StandardCharsets.UTF_8);
        }
    }
}
