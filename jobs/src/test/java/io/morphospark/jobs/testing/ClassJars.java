package io.morphospark.jobs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Packs compiled classes into a small application jar, for submitting test code to a cluster. */
public final class ClassJars {
    private ClassJars() {
    }

    /**
     * Writes {@code jar} holding the given classes and their nested classes (lambdas live in
     * their enclosing class; anonymous classes are not included).
     */
    public static Path write(Path jar, Class<?>... classes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Class<?> c : classes) {
                add(out, c);
            }
        }
        return jar;
    }

    private static void add(JarOutputStream out, Class<?> c) throws IOException {
        String entry = c.getName().replace('.', '/') + ".class";
        try (InputStream bytes = c.getClassLoader().getResourceAsStream(entry)) {
            if (bytes == null) {
                throw new IOException("no class file for " + c.getName());
            }
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        for (Class<?> nested : c.getDeclaredClasses()) {
            add(out, nested);
        }
    }
}
