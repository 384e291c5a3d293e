package raftlab.grade;

/** A graded scenario found what it checks for to be false; the message is the reason, in one line. */
final class Failed extends RuntimeException {
    Failed(String reason) {
        super(reason, null, false, false);
    }
}
