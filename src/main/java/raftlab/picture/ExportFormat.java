package raftlab.picture;

/** The files {@code export} writes. */
public enum ExportFormat {
    HTML, SVG, SHIVIZ, MERMAID, JSON;

    public String label() {
        return name().toLowerCase();
    }

    /** The format called {@code name} (lower case), or null. */
    public static ExportFormat named(String name) {
        for (ExportFormat f : values()) {
            if (f.label().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
