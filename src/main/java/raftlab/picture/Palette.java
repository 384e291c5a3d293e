package raftlab.picture;

/** Colours shared by the SVG and the HTML player (which gets them from here), so the pictures of a run look alike. */
final class Palette {
    /** One colour per term, cycling; chosen to stay apart from each other and readable under white text. */
    static final String[] TERMS = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#e15759", "#76b7b2", "#9c755f",
        "#edc948"};

    private Palette() {
    }

    static String term(long term) {
        return term <= 0 ? "#bbbbbb" : TERMS[(int) ((term - 1) % TERMS.length)];
    }

    /** The message types with a colour of their own, in legend order. */
    static final String[] TYPES = {"RequestVote", "RequestVoteReply", "AppendEntries", "AppendEntriesReply"};

    /** The colour of a message type's arrows. */
    static String type(String type) {
        return switch (type) {
            case "RequestVote" -> "#d9480f";
            case "RequestVoteReply" -> "#f59f00";
            case "AppendEntries" -> "#1c7ed6";
            case "AppendEntriesReply" -> "#22b8cf";
            case "PreVote" -> "#e8590c";
            case "PreVoteReply" -> "#fcc419";
            case "TimeoutNow" -> "#7048e8";
            case "ReadIndex" -> "#2f9e44";
            case "ReadIndexReply" -> "#8ce99a";
            default -> "#868e96";
        };
    }

    /** The term colours as a JSON array, for the player's script. */
    static String termsJson() {
        Json j = new Json().open('[');
        for (String c : TERMS) {
            j.value(c);
        }
        return j.close(']').toString();
    }

    /** The message type colours as a JSON object, for the player's script. */
    static String typesJson() {
        Json j = new Json().open('{');
        for (String t : TYPES) {
            j.field(t, type(t));
        }
        return j.close('}').toString();
    }
}
