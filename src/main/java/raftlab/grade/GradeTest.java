package raftlab.grade;

import java.util.function.Consumer;

/**
 * One graded scenario: a name to pick it by ({@code grade --only NAME}), what it checks, and the lab commands and
 * checks that make it. It passes if the body returns.
 */
record GradeTest(String name, String what, Consumer<Trial> body) {
}
