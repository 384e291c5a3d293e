package raftlab.script;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import groovy.lang.Binding;
import groovy.lang.GroovyCodeSource;
import groovy.lang.GroovyShell;
import groovy.lang.MissingPropertyException;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.runtime.InvokerInvocationException;
import org.codehaus.groovy.syntax.SyntaxException;
import raftlab.lab.Lab;

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

    public static int runFile(Path file, String[] args, PrintStream out, PrintStream err) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("lab run: no such file " + file);
            return 2;
        } catch (IOException e) {
            err.println("lab run: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        return run(file.toString(), text, args, out, err);
    }

    /** Runs {@code text} as the script {@code path} (the name its errors carry). */
    static int run(String path, String text, String[] args, PrintStream out, PrintStream err) {
        String fileName = Path.of(path).getFileName().toString();
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
            err.println(path + ":" + compileError(e));
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
        } catch (Throwable t) {
            out.flush();
            err.println(path + ":" + runtimeError(unwrap(t), fileName));
            return 1;
        } finally {
            out.flush();
        }
    }

    /** {@code 3: unexpected input: '(' (column 7)}: the first compile error, with its line. */
    static String compileError(CompilationFailedException e) {
        if (e instanceof MultipleCompilationErrorsException) {
            var errors = ((MultipleCompilationErrorsException) e).getErrorCollector();
            if (errors.getErrorCount() > 0) {
                Message first = errors.getError(0);
                if (first instanceof SyntaxErrorMessage) {
                    SyntaxException s = ((SyntaxErrorMessage) first).getCause();
                    return s.getLine() + ": " + lowerFirst(oneLine(s.getOriginalMessage()))
                            + (s.getStartColumn() > 0 ? " (column " + s.getStartColumn() + ")" : "");
                }
                if (first instanceof ExceptionMessage) {
                    return " " + lowerFirst(oneLine(String.valueOf(((ExceptionMessage) first).getCause().getMessage())));
                }
            }
        }
        return " " + lowerFirst(oneLine(e.getMessage()));
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
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : oneLine(m);
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

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
