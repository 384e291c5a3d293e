package raftlab.lab;

/** Parses the on/off switches commands take. */
final class OnOff {
    private OnOff() {
    }

    static boolean parse(String text, String what) {
        switch (text) {
            case "on": case "true": case "yes":
                return true;
            case "off": case "false": case "no":
                return false;
            default:
                throw new LabException(what + " takes on or off, not '" + text + "'");
        }
    }
}
