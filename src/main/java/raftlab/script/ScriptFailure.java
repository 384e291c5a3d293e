package raftlab.script;

/** A command or query in a script failed: the script stops and its runner reports the message with the line. */
final class ScriptFailure extends RuntimeException {
    ScriptFailure(String message) {
        super(message, null, false, true);
    }
}
