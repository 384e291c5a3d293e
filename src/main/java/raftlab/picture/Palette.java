package raftlab.picture;

/** Colours shared by the SVG and the HTML player, so the two pictures of a run look alike. */
final class Palette {
    /** One colour per term, cycling; chosen to stay apart from each other and readable under white text. */
    static final String[] TERMS = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#e15759", "#76b7b2", "#9c755f",
        "#edc948"};

    private Palette() {
    }

    static String term(long term) {
        return term <= 0 ? "#bbbbbb" : TERMS[(int) ((term - 1) % TERMS.length)];
    }

    /** The colour of a message type's arrows. */
    static String type(String type) {
        return switch (type) {
            case "RequestVote" -> "#d9480f";
            case "RequestVoteReply" -> "#f59f00";
            case "AppendEntries" -> "#1c7ed6";
            case "AppendEntriesReply" -> "#22b8cf";
            default -> "#868e96";
        };
    }
}
