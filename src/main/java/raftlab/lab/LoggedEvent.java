package raftlab.lab;

/** A printed event, kept so that {@code events} can show it again; node 0 means the client or the lab. */
public record LoggedEvent(long time, int node, String kind, String line) {
}
