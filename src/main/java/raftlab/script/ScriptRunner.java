package raftlab.script;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import groovy.lang.Binding;
import groovy.lang.GroovyCodeSource;
import groovy.lang.GroovyShell;
import groovy.lang.MissingPropertyException;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.runtime.InvokerInvocationException;
import raftlab.lab.Lab;
import raftlab.lab.Text;
import raftlab.lab.TextFiles;
import raftlab.sim.Interrupts;

/**
 * Runs a Groovy experiment script ({@code ./lab run FILE.groovy [ARGS...]}) against a fresh lab. Its transcript
 * goes to {@code out}; whatever stops it goes to {@code err} as one line {@code FILE:LINE: problem}, the way a
 * compiler reports, so an editor can jump there. Exit code 0 when the script finishes, 1 when it fails to compile,
 * a command fails, an assert fails or anything throws, 2 when the file cannot be read. Main reaches Groovy only
 * through this class, so the shell never pays for loading it.
 */
public final class ScriptRunner {
    private ScriptRunner() {
    }

    /** Thrown by the {@code quit} command: the script ends there, successfully. */
    static final class Quit extends RuntimeException {
        Quit() {
            super(null, null, false, false);
        }
    }

    /** Thrown when Ctrl-C stopped a command: the script ends there with exit 130. */
    static final class Stopped extends RuntimeException {
        Stopped(String line) {
            super(line); // with its stack: the frames name the script line
        }
    }

    public static int runFile(Path file, String[] args, PrintStream out, PrintStream err) {
        String text;
        try {
            text = TextFiles.readUtf8(file);
        } catch (TextFiles.ReadError e) {
            err.println((e.missing() ? "lab run: " : "") + Text.printable(e.getMessage()));
            return 2;
        }
        // Ctrl-C stops the running command between two events and ends the script (exit 130); a second Ctrl-C, for a
        // script busy in its own Groovy code, ends the JVM at once.
        Interrupts.clear();
        Object previous = null;
        try {
            previous = org.jline.utils.Signals.register("INT", () -> {
                if (Interrupts.requested()) {
                    Runtime.getRuntime().halt(130);
                }
                Interrupts.request();
            });
        } catch (RuntimeException | LinkageError e) {
            // no signal support here: Ctrl-C ends the JVM as usual
        }
        try {
            return run(file.toString(), text, args, out, err);
        } finally {
            if (previous != null) {
                org.jline.utils.Signals.unregister("INT", previous);
            }
        }
    }

    /** Runs {@code text} as the script {@code path} (the name its errors carry). */
    static int run(String path, String text, String[] args, PrintStream out, PrintStream err) {
        String fileName = className(Path.of(path).getFileName().toString()) + ".groovy";
        // Start-up is dominated by loading Groovy and compiling; building the lab (picocli reflection) overlaps it
        // on another core. The lab is handed over through join() and from then on only this thread touches it.
        CompletableFuture<Lab> futureLab = CompletableFuture.supplyAsync(Lab::new);
        Binding binding = new Binding();
        binding.setVariable("args", args.clone());
        binding.setVariable("out", out); // where the script's println goes
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(LabScript.class.getName());
        config.setSourceEncoding("UTF-8");
        GroovyShell shell = new GroovyShell(ScriptRunner.class.getClassLoader(), binding, config);
        LabScript script;
        try {
            script = (LabScript) shell.parse(new GroovyCodeSource(text, fileName, "/groovy/script"));
        } catch (CompilationFailedException e) {
            err.println(Text.printable(path + ":" + CompileErrors.describe(e, text)));
            out.flush();
            return 1;
        }
        Lab lab = futureLab.join();
        lab.setReplaying(true);
        lab.allowExports(true); // `export html FILE` in a script writes the file it names
        script.attach(lab, out);
        try {
            script.run();
            return 0;
        } catch (Quit q) {
            return 0;
        } catch (Stopped s) {
            out.flush();
            int line = scriptLine(s, fileName);
            err.println(path + ":" + (line > 0 ? line + ": " : " ") + s.getMessage());
            return 130;
        } catch (Throwable t) {
            out.flush();
            err.println(Text.printable(path + ":" + runtimeError(unwrap(t), fileName)));
            return 1;
        } finally {
            out.flush();
        }
    }

    /**
     * The script's class name, from its file name: Groovy names the class after the file, so a script called
     * {@code long.groovy} or {@code my-test.groovy} would not compile. Anything that is not a Java identifier (or is a
     * keyword) gets a prefix and underscores; errors still name the file as the user wrote it.
     */
    static String className(String fileName) {
        String base = fileName.endsWith(".groovy") ? fileName.substring(0, fileName.length() - ".groovy".length())
                : fileName;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            sb.append(i == 0 ? (Character.isJavaIdentifierStart(c) ? c : '_')
                    : (Character.isJavaIdentifierPart(c) ? c : '_'));
        }
        String name = sb.length() == 0 ? "script" : sb.toString();
        return javax.lang.model.SourceVersion.isKeyword(name) || name.equals(base) && !javax.lang.model.SourceVersion
                .isName(name) ? "script_" + name : name;
    }

    /** {@code 12: error: ...} or {@code 12: assertion failed: ...}, the line taken from the script's stack frames. */
    static String runtimeError(Throwable t, String fileName) {
        int line = scriptLine(t, fileName);
        String where = line > 0 ? line + ": " : " ";
        if (t instanceof AssertionError) {
            // Groovy's power assert renders the expression and its values over several lines: keep them.
            String m = String.valueOf(t.getMessage()).stripTrailing();
            return where + "assertion failed: " + m;
        }
        return where + "error: " + describe(t, fileName);
    }

    private static String describe(Throwable t, String fileName) {
        if (t instanceof ScriptFailure) {
            return t.getMessage();
        }
        if (t instanceof MissingPropertyException && ((MissingPropertyException) t).getType() != null
                && fileName.startsWith(((MissingPropertyException) t).getType().getName())) {
            return "no variable or command '" + ((MissingPropertyException) t).getProperty() + "'";
        }
        // The exception's type says what kind of failure it was (IllegalStateException, NullPointerException...).
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + oneLine(m);
    }

    /** The innermost frame in the script's own file (its closures share the file name), or 0. */
    static int scriptLine(Throwable t, String fileName) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            for (StackTraceElement f : c.getStackTrace()) {
                if (fileName.equals(f.getFileName()) && f.getLineNumber() > 0) {
                    return f.getLineNumber();
                }
            }
        }
        return 0;
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof InvokerInvocationException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String oneLine(String s) {
        String first = s.strip();
        int nl = first.indexOf('\n');
        return nl < 0 ? first : first.substring(0, nl).strip();
    }

}
