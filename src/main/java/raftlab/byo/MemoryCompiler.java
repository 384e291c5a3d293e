package raftlab.byo;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import raftlab.raft.RaftNode;

/**
 * Compiles one Java source file with the JDK's own compiler, in memory: the class files never touch the disk (the lab
 * writes only where the user asks). The lab's classes and any extra class path are visible to the source.
 */
final class MemoryCompiler {
    /** Diagnostics shown at most; the first few errors are what a learner fixes first. */
    static final int MAX_ERRORS = 5;

    private MemoryCompiler() {
    }

    /** The last few sources compiled, by content: the grader and explore make many clusters of one source. */
    private static final Map<String, Map<String, byte[]>> CACHE = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, byte[]>> eldest) {
                    return size() > 8;
                }
            });

    /**
     * Compiles {@code source}; returns its classes by binary name, or throws a LoadFailure listing the errors. The
     * same text (and class path) compiled before is not compiled again.
     */
    static Map<String, byte[]> compile(Path source, String extraClassPath, String name) {
        String key;
        try {
            key = source.toAbsolutePath() + "\n" + extraClassPath + "\n"
                    + new String(java.nio.file.Files.readAllBytes(source), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LoadFailure("cannot read " + source + ": " + e.getMessage());
        }
        Map<String, byte[]> done = CACHE.get(key);
        if (done == null) {
            done = compileNow(source, extraClassPath);
            CACHE.put(key, done);
        }
        return done;
    }

    private static Map<String, byte[]> compileNow(Path source, String extraClassPath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new LoadFailure("this Java runtime has no compiler (a JRE?); run the lab with a JDK 17 or later,"
                    + " or compile " + source + " yourself and use --classpath DIR_OR_JAR --impl CLASS");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        Map<String, ByteArrayOutputStream> classes = new LinkedHashMap<>();
        JavaFileManager files = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        classes.put(className, bytes);
                        return bytes;
                    }
                };
            }
        };
        List<String> options = List.of("-classpath", classPath(extraClassPath), "-proc:none", "-Xlint:none",
                "-nowarn", "-encoding", "UTF-8", "-g");
        Iterable<? extends JavaFileObject> units = std.getJavaFileObjects(source.toFile());
        boolean ok;
        try {
            ok = javac.getTask(null, files, diagnostics, options, null, units).call();
        } catch (RuntimeException e) {
            throw new LoadFailure("the compiler failed on " + source + ": " + e.getMessage());
        } finally {
            try {
                files.close();
            } catch (IOException e) {
                // nothing was written to disk; nothing to clean up
            }
        }
        if (!ok) {
            throw new LoadFailure(errors(source, diagnostics.getDiagnostics()));
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        classes.forEach((name, bytes) -> out.put(name, bytes.toByteArray()));
        return out;
    }

    /** {@code FILE:LINE: message}, one per error, at most {@link #MAX_ERRORS}. */
    private static String errors(Path source, List<Diagnostic<? extends JavaFileObject>> found) {
        List<String> lines = new ArrayList<>();
        int errors = 0;
        for (Diagnostic<? extends JavaFileObject> d : found) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            errors++;
            if (lines.size() < MAX_ERRORS) {
                String msg = d.getMessage(Locale.ROOT).lines().findFirst().orElse("");
                lines.add(source + ":" + d.getLineNumber() + ": " + msg);
            }
        }
        String head = source + " does not compile (" + errors + " error" + (errors == 1 ? "" : "s") + ")";
        if (errors > lines.size()) {
            lines.add("... and " + (errors - lines.size()) + " more");
        }
        return head + "\n" + String.join("\n", lines);
    }

    /** The lab's own classes (wherever they were loaded from), the JVM's class path, and the user's. */
    private static String classPath(String extra) {
        List<String> parts = new ArrayList<>();
        try {
            var src = RaftNode.class.getProtectionDomain().getCodeSource();
            if (src != null) {
                parts.add(Path.of(src.getLocation().toURI()).toString());
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // fall back on the class path alone
        }
        parts.add(System.getProperty("java.class.path", ""));
        if (extra != null && !extra.isEmpty()) {
            parts.add(extra);
        }
        return String.join(File.pathSeparator, parts);
    }
}
