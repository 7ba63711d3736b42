package dev.kaizen.core.plugin;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes one class file names in its constant pool: those the JVM resolves when the class's
 * code runs (superclass, interfaces, the owners of called methods and read fields, created and cast
 * types), as binary names. Annotation types, which the JVM skips when they are missing, are not
 * among them.
 *
 * @param className the class the file defines
 * @param referenced the other classes it names, sorted
 */
record ClassReferences(String className, Set<String> referenced) {

    private static final int MAGIC = 0xCAFEBABE;

    ClassReferences {
        requireNonNull(className, "className is null");
        referenced = Set.copyOf(referenced);
    }

    /**
     * Reads a class file's constant pool.
     *
     * @throws IOException if the stream is not a class file
     */
    static ClassReferences read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] texts = new String[count];
        List<Integer> classes = new ArrayList<>();
        int[] classNames = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts[i] = in.readUTF();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // a long or double takes two entries
                }
                case 7 -> {
                    classNames[i] = in.readUnsignedShort();
                    classes.add(i);
                }
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool entry " + tag + " at " + i);
            }
        }
        in.readUnsignedShort(); // access flags
        int self = in.readUnsignedShort();
        String className = binaryName(texts[classNames[self]]);
        Set<String> referenced = new TreeSet<>();
        for (int index : classes) {
            String name = binaryName(texts[classNames[index]]);
            if (name != null && !name.equals(className)) {
                referenced.add(name);
            }
        }
        return new ClassReferences(className, referenced);
    }

    /** {@code java.lang.String} for {@code java/lang/String} or {@code [Ljava/lang/String;}; null for primitive arrays. */
    private static String binaryName(String internal) {
        String name = internal;
        while (name.startsWith("[")) {
            name = name.substring(1);
        }
        if (name.length() != internal.length()) {
            if (!name.startsWith("L") || !name.endsWith(";")) {
                return null;
            }
            name = name.substring(1, name.length() - 1);
        }
        return name.replace('/', '.');
    }
}
