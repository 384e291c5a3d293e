package raftlab;

/** Entry point of the lab. (Placeholder while the build is set up; real dispatch lands next.) */
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the lab and returns the exit code; tests call this instead of main. */
    public static int run(String[] args) {
        System.out.println("raft-lab placeholder");
        return 0;
    }
}
