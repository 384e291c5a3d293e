package raftlab.byo;

/** An implementation could not be compiled or loaded; the message says why in a few lines, with no stack trace. */
public final class LoadFailure extends RuntimeException {
    public LoadFailure(String message) {
        super(message, null, false, false);
    }
}
