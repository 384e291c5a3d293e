package raftlab.script;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import groovy.lang.Range;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import raftlab.lab.Tokenizer;

/**
 * Turns a Groovy call such as {@code put 'x', '1', to: 2} into the shell line {@code put x 1 --to 2}. Scripts run
 * that line through the lab like any other, so the picocli definition in raftlab.lab stays the only place that
 * parses and validates a command; this class only spells the arguments.
 *
 * <p>Spelling rules: positional arguments stay positional, in order; named arguments become long options after
 * them ({@code seed: 7} is {@code --seed 7}, {@code longReorder: true} is {@code --long-reorder}). A boolean given to
 * a flag (an option without a value, like {@code --all}) adds the bare flag when true and nothing when false; given
 * to an option or parameter that takes a value, it becomes {@code on}/{@code off} ({@code noop: false} is
 * {@code --noop off}, {@code hold true} is {@code hold on}). A range {@code 150..300} is written as such; a list is
 * a comma-separated group ({@code partition([1,2],[3,4,5])}), except a list of messages from {@code msgs()}, which
 * names each message. Null values are left out. Words with spaces or quotes are quoted.
 */
final class CommandWords {
    private CommandWords() {
    }

    /** The command line for calling {@code name} with Groovy's argument array (named arguments come first, as a Map). */
    static String line(String name, CommandLine command, Object[] args) {
        List<String> words = new ArrayList<>();
        words.add(name);
        Map<?, ?> named = null;
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (i == 0 && a instanceof Map) {
                named = (Map<?, ?>) a;
            } else {
                positional(a, words);
            }
        }
        if (named != null) {
            for (Map.Entry<?, ?> e : named.entrySet()) {
                option(String.valueOf(e.getKey()), e.getValue(), command, words);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Tokenizer.quote(w));
        }
        return sb.toString();
    }

    private static void positional(Object a, List<String> words) {
        if (a == null) {
            return;
        }
        if (a instanceof Boolean) {
            words.add((Boolean) a ? "on" : "off");
        } else if (a instanceof Collection && !((Collection<?>) a).isEmpty()
                && ((Collection<?>) a).stream().allMatch(x -> x instanceof ScriptMessage)) {
            for (Object m : (Collection<?>) a) {
                words.add(word(m));
            }
        } else if (a instanceof Object[]) {
            for (Object x : (Object[]) a) {
                positional(x, words);
            }
        } else {
            words.add(word(a));
        }
    }

    private static void option(String key, Object value, CommandLine command, List<String> words) {
        if (value == null) {
            return;
        }
        String name = key.startsWith("-") ? key : "--" + kebab(key);
        OptionSpec spec = command == null ? null : command.getCommandSpec().findOption(name);
        boolean flag = spec != null && spec.arity().max() == 0;
        if (value instanceof Boolean && (flag || spec == null)) {
            if ((Boolean) value) {
                words.add(name);
            }
            return;
        }
        words.add(name);
        words.add(value instanceof Boolean ? ((Boolean) value ? "on" : "off") : word(value));
    }

    /** One argument as a single word. */
    private static String word(Object a) {
        if (a instanceof ScriptMessage) {
            return String.valueOf(((ScriptMessage) a).getId());
        }
        if (a instanceof Range) {
            Range<?> r = (Range<?>) a;
            return word(r.getFrom()) + ".." + word(r.getTo());
        }
        if (a instanceof Collection) {
            StringBuilder sb = new StringBuilder();
            for (Object x : (Collection<?>) a) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(word(x));
            }
            return sb.toString();
        }
        if (a instanceof BigDecimal) {
            return ((BigDecimal) a).toPlainString();
        }
        return String.valueOf(a);
    }

    /** {@code longReorder} to {@code long-reorder}. */
    static String kebab(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
