package raftlab.lab;

/** A user mistake: its message is the one line the user sees, naming the problem and what would be valid. */
public final class LabException extends RuntimeException {
    public LabException(String message) {
        super(message, null, false, false);
    }
}
