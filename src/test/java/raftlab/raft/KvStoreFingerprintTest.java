package raftlab.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The store's kept fingerprint is always the fingerprint of its state, whether it was first asked for before the
 * changes (then kept up to date by each one), after them (then made from the contents), or across a restore.
 */
class KvStoreFingerprintTest {
    private static void applyRandom(KvStore kv, SplittableRandom r, int n) {
        for (int i = 0; i < n; i++) {
            String key = "k" + r.nextInt(8);
            String value = "v" + r.nextInt(5);
            CommandKind[] changes = {CommandKind.PUT, CommandKind.APPEND, CommandKind.DELETE, CommandKind.CAS};
            CommandKind kind = changes[r.nextInt(changes.length)];
            kv.apply(switch (kind) {
                case CAS -> Command.cas(key, "v" + r.nextInt(5), value, 0);
                default -> new Command(kind, key, value, 0);
            });
        }
    }

    @Test
    void isTheFingerprintOfTheStateHoweverItWasReached() {
        SplittableRandom r = new SplittableRandom(7);
        KvStore askedFirst = new KvStore();
        KvStore askedLater = new KvStore();
        assertEquals(0, askedFirst.fingerprint());
        for (int round = 0; round < 50; round++) {
            long seed = r.nextLong();
            applyRandom(askedFirst, new SplittableRandom(seed), 20);
            applyRandom(askedLater, new SplittableRandom(seed), 20);
            assertEquals(KvStore.fingerprint(askedFirst.view()), askedFirst.fingerprint(), "kept by each change");
            if (round % 10 == 9) {
                assertEquals(askedFirst.fingerprint(), askedLater.fingerprint(), "made from the contents");
            }
        }
        KvStore restored = new KvStore();
        restored.fingerprint(); // kept from here on
        restored.restore(new TreeMap<>(askedFirst.view()));
        assertEquals(askedFirst.fingerprint(), restored.fingerprint(), "after a restore");
        applyRandom(restored, new SplittableRandom(1), 20);
        assertEquals(KvStore.fingerprint(restored.view()), restored.fingerprint(), "kept again after a restore");
    }
}
