package raftlab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * A command line that does not parse, said in the lab's words rather than picocli's: "tick: MS must be a whole
 * number, not 'abc'" instead of "invalid value for positional parameter at index 0 (MS): 'abc' is not a long", and
 * "cluster: no option --sed, did you mean --seed?" for a near miss.
 */
final class ParseErrors {
    private static final Pattern VALUE = Pattern.compile("'([^']*)' is not an? (\\w+)");

    private ParseErrors() {
    }

    /** Fails on the first word that looks like an option the command does not have, with a suggestion. */
    static void checkOptions(CommandLine cmd, List<String> args) {
        CommandLine.Model.CommandSpec spec = cmd.getCommandSpec();
        for (String a : args) {
            if (a.equals("--")) {
                return;
            }
            if (!a.startsWith("-") || a.length() < 2 || Character.isDigit(a.charAt(1)) || a.charAt(1) == '.') {
                continue; // a word, or a negative number
            }
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (spec.findOption(name) == null) {
                List<String> names = new ArrayList<>();
                for (OptionSpec o : spec.options()) {
                    names.add(o.longestName());
                }
                String near = Suggest.nearest(name, names);
                throw new LabException(spec.name() + ": no option " + name + (near != null ? ", did you mean " + near + "?"
                        : names.isEmpty() ? " (it takes none)" : "; options are " + String.join(", ", names))
                        + "; usage: " + CommandSet.synopsis(cmd));
            }
        }
    }

    /** The one-line message for a picocli parse failure of {@code cmd}. */
    static String describe(CommandLine cmd, ParameterException e) {
        String name = cmd.getCommandName();
        String usage = "; usage: " + CommandSet.synopsis(cmd);
        if (e instanceof CommandLine.UnmatchedArgumentException) {
            List<String> extra = ((CommandLine.UnmatchedArgumentException) e).getUnmatched();
            String first = extra.isEmpty() ? "" : extra.get(0);
            return name + ": unexpected '" + first + "'" + (extra.size() > 1 ? " (and " + (extra.size() - 1)
                    + " more)" : "") + ", " + takes(cmd) + usage;
        }
        if (e instanceof CommandLine.MissingParameterException) {
            List<ArgSpec> missing = ((CommandLine.MissingParameterException) e).getMissing();
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (missing != null && !missing.isEmpty()) {
                ArgSpec a = missing.get(0);
                if (a.isOption() && message.contains("for option")) {
                    return name + ": " + label(a) + " needs a value, as in " + label(a) + " " + a.paramLabel() + usage;
                }
                if (a.isOption()) {
                    return name + ": " + label(a) + " " + a.paramLabel() + " is required" + usage;
                }
                if (message.contains("at least")) {
                    int min = ((PositionalParamSpec) a).arity().min();
                    return name + ": needs at least " + min + " " + a.paramLabel() + " arguments" + usage;
                }
                return name + ": " + a.paramLabel() + " is missing" + usage;
            }
        }
        ArgSpec arg = e.getArgSpec();
        Matcher m = VALUE.matcher(e.getMessage() == null ? "" : e.getMessage());
        if (arg != null && m.find()) {
            return name + ": " + label(arg) + " takes " + kind(m.group(2)) + ", not '" + m.group(1) + "'" + usage;
        }
        return name + ": " + oneLine(e.getMessage()) + usage;
    }

    /** "MS" for a positional, "--max" for an option. */
    private static String label(ArgSpec a) {
        return a.isOption() ? ((OptionSpec) a).longestName() : a.paramLabel();
    }

    private static String kind(String javaType) {
        switch (javaType) {
            case "long":
            case "int":
            case "short":
                return "a whole number";
            case "double":
            case "float":
                return "a number";
            case "boolean":
                return "no value (it is a switch)";
            default:
                return "a " + javaType;
        }
    }

    /** "it takes MS" or "it takes no arguments": what the command accepts besides options. */
    private static String takes(CommandLine cmd) {
        List<String> labels = new ArrayList<>();
        for (PositionalParamSpec p : cmd.getCommandSpec().positionalParameters()) {
            labels.add(p.paramLabel() + (p.arity().max() > 1 ? "..." : ""));
        }
        return labels.isEmpty() ? "it takes no arguments" : "it takes " + String.join(" ", labels);
    }

    private static String oneLine(String message) {
        String m = message == null ? "" : message.strip().replaceAll("\\s+", " ");
        return m.isEmpty() ? m : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}
