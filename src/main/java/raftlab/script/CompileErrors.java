package raftlab.script;

import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * A Groovy compile error as one line, {@code 3: unexpected input: '(' (column 7)}, on a line that exists. Groovy
 * reports an unclosed brace at the end of the file (one line past the last) and quotes the whole rest of the file
 * with {@code \n} escapes; we name the line of the brace that is never closed instead.
 */
final class CompileErrors {
    private CompileErrors() {
    }

    static String describe(CompilationFailedException e, String source) {
        if (e instanceof MultipleCompilationErrorsException) {
            var errors = ((MultipleCompilationErrorsException) e).getErrorCollector();
            if (errors.getErrorCount() > 0) {
                Message first = errors.getError(0);
                if (first instanceof SyntaxErrorMessage) {
                    SyntaxException s = ((SyntaxErrorMessage) first).getCause();
                    int lines = source.split("\n", -1).length - (source.endsWith("\n") ? 1 : 0);
                    if (s.getLine() > lines) {
                        int[] open = unclosed(source);
                        if (open != null) {
                            return open[0] + ": '" + (char) open[1] + "' is never closed; a '" + closer(open[1])
                                    + "' is missing (column " + open[2] + ")";
                        }
                        return lines + ": the file ends in the middle of a statement";
                    }
                    return s.getLine() + ": " + lowerFirst(snippet(oneLine(s.getOriginalMessage())))
                            + (s.getStartColumn() > 0 ? " (column " + s.getStartColumn() + ")" : "");
                }
                if (first instanceof ExceptionMessage) {
                    return " " + lowerFirst(oneLine(String.valueOf(((ExceptionMessage) first).getCause().getMessage())));
                }
            }
        }
        return " " + lowerFirst(oneLine(e.getMessage()));
    }

    /** Groovy quotes the input it could not parse, newlines escaped as \n: keep the quote to its first line. */
    static String snippet(String message) {
        int esc = message.indexOf("\\n");
        if (esc < 0) {
            return message;
        }
        int quote = message.lastIndexOf('\'');
        String rest = quote > esc ? message.substring(quote) : "'";
        return message.substring(0, esc).stripTrailing() + " ..." + rest;
    }

    /**
     * The innermost bracket still open at the end of {@code source}: {line, char, column}, or null. Skips strings
     * and comments well enough for an error message.
     */
    static int[] unclosed(String source) {
        java.util.ArrayDeque<int[]> stack = new java.util.ArrayDeque<>();
        int line = 1;
        int col = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            col++;
            if (c == '\n') {
                line++;
                col = 0;
            } else if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
                while (i + 1 < source.length() && source.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                col += j - i;
                i = j;
            } else if (c == '{' || c == '(' || c == '[') {
                stack.push(new int[] {line, c, col});
            } else if ((c == '}' || c == ')' || c == ']') && !stack.isEmpty()) {
                stack.pop();
            }
        }
        return stack.isEmpty() ? null : stack.peek();
    }

    private static char closer(int open) {
        return open == '{' ? '}' : open == '(' ? ')' : ']';
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
