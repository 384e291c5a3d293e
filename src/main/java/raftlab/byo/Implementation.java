package raftlab.byo;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import raftlab.raft.NodeFactory;
import raftlab.raft.NodeSetup;
import raftlab.raft.RaftNode;

/**
 * A learner's implementation of {@link RaftNode}, loaded in a class loader of its own: from a Java source file (the
 * lab compiles it in memory) or by class name from a class path. {@link #factory()} makes guarded nodes of it, so
 * a failure of the code stops the run with one line instead of a stack trace.
 *
 * @param name   the class's simple name, as failure lines name it
 * @param option how the user chose it, as the {@code cluster} options that choose it again
 */
public record Implementation(String name, String option, NodeFactory factory) {

    /**
     * Loads {@code impl}: a path ending in {@code .java} is compiled; anything else is a class name, looked up on
     * {@code classPath} (jars or folders, separated as the platform does; may be null).
     */
    public static Implementation load(String impl, String classPath) {
        String option = " --impl " + impl + (classPath == null ? "" : " --classpath " + classPath);
        if (impl.endsWith(".java")) {
            Path source = Path.of(impl);
            if (!Files.isRegularFile(source)) {
                throw new LoadFailure("no such file " + impl + "; --impl takes a .java file or a class name");
            }
            String simple = source.getFileName().toString().replaceFirst("\\.java$", "");
            Map<String, byte[]> classes = MemoryCompiler.compile(source, classPath, simple);
            String main = null;
            for (String n : classes.keySet()) {
                if (n.equals(simple) || n.endsWith("." + simple)) {
                    main = n;
                }
            }
            if (main == null) {
                throw new LoadFailure(impl + " defines no class " + simple + "; name the file after its public class");
            }
            ClassLoader loader = new MemoryClassLoader(classes, parent(classPath));
            return new Implementation(simple, option, factoryOf(loadClass(loader, main, impl), simple));
        }
        Class<?> c = loadClass(parent(classPath), impl, classPath == null ? "the class path" : classPath);
        return new Implementation(c.getSimpleName(), option, factoryOf(c, c.getSimpleName()));
    }

    private static ClassLoader parent(String classPath) {
        ClassLoader lab = Implementation.class.getClassLoader();
        if (classPath == null) {
            return lab;
        }
        List<URL> urls = new ArrayList<>();
        for (String part : classPath.split(java.io.File.pathSeparator)) {
            if (part.isEmpty()) {
                continue;
            }
            Path p = Path.of(part);
            if (!Files.exists(p)) {
                throw new LoadFailure("--classpath: no such jar or folder " + part);
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new LoadFailure("--classpath: cannot use " + part + ": " + e.getMessage());
            }
        }
        return new URLClassLoader("raftlab-impl", urls.toArray(new URL[0]), lab);
    }

    private static Class<?> loadClass(ClassLoader loader, String name, String where) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new LoadFailure("no class " + name + " in " + where + "; give its full name, with its package");
        } catch (LinkageError e) {
            throw new LoadFailure("cannot load " + name + ": " + e);
        }
    }

    /** Nodes made by {@code c}'s public constructor taking a {@link NodeSetup}, guarded. */
    private static NodeFactory factoryOf(Class<?> c, String name) {
        if (!RaftNode.class.isAssignableFrom(c)) {
            throw new LoadFailure(c.getName() + " does not implement raftlab.raft.RaftNode");
        }
        if (Modifier.isAbstract(c.getModifiers()) || !Modifier.isPublic(c.getModifiers())) {
            throw new LoadFailure(c.getName() + " must be a public, non-abstract class");
        }
        Constructor<?> made;
        try {
            made = c.getConstructor(NodeSetup.class);
        } catch (NoSuchMethodException e) {
            throw new LoadFailure(c.getName() + " needs a public constructor " + c.getSimpleName()
                    + "(NodeSetup setup); the lab makes every node with it");
        }
        NodeFactory raw = setup -> {
            try {
                return (RaftNode) made.newInstance(setup);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                if (cause instanceof Error) {
                    throw (Error) cause;
                }
                throw new IllegalStateException(cause);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
        return GuardedNode.guarding(raw, name);
    }

    /** Defines the compiled classes on demand; everything else comes from the parent (the lab, the class path). */
    private static final class MemoryClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
            super("raftlab-impl-source", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
