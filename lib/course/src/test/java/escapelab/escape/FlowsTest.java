package escapelab.escape;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a value goes in its method, read from the bytecode of a class compiled with the tests. */
class FlowsTest {

    /** The flows under test, one per method. */
    static class Sample {
        static Object hook;

        static Object boxBig() {
            return Integer.valueOf(Integer.MAX_VALUE);
        }

        static Object boxSmall() {
            return Integer.valueOf(7);
        }

        static int merged(boolean c) {
            Object o = c ? new StringBuilder() : new StringBuilder();
            return o.hashCode();
        }

        static int local() {
            StringBuilder b = new StringBuilder();
            return b.length();
        }

        static void stored() {
            hook = new StringBuilder();
        }

        static void unknownIndex(int i) {
            Object[] a = new Object[2];
            a[i] = new StringBuilder();
        }
    }

    private static Optional<byte[]> bytes(String name) {
        try (InputStream in = FlowsTest.class.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final Flows flows = new Flows(FlowsTest::bytes);
    private final List<Site> sites = new SiteReader(getClass().getClassLoader()).read(bytes(Sample.class.getName()).orElseThrow());

    private Site site(String method, String what) {
        return sites.stream().filter(s -> s.method().name().equals(method) && s.what().equals(what)).findFirst()
                .orElseThrow(() -> new AssertionError(method + " " + what + " in " + sites));
    }

    private List<Flows.Use> uses(Site site) {
        return flows.uses(site.method(), flows.nodeAt(site.method(), site.bci()));
    }

    @Test
    void anObjectUsedLocallyHasNoFlowOut() {
        Site local = site("local", "new StringBuilder");
        // Its constructor and length() receive it: calls, which the compile log says were inlined or not.
        assertTrue(uses(local).stream().allMatch(u -> u.kind() == Flows.Kind.CALL), uses(local)::toString);
    }

    @Test
    void aStoreInAStaticFieldIsNamed() {
        List<Flows.Use> uses = uses(site("stored", "new StringBuilder"));
        assertTrue(uses.stream().anyMatch(u -> u.kind() == Flows.Kind.STATIC_FIELD && u.name().equals("Sample.hook")),
                uses::toString);
    }

    @Test
    void twoObjectsThatMeetAtAJoinAreMerged() {
        Site first = sites.stream().filter(s -> s.method().name().equals("merged")).findFirst().orElseThrow();
        List<Flows.Use> uses = uses(first);
        Flows.Use merge = uses.stream().filter(u -> u.kind() == Flows.Kind.MERGE).findFirst()
                .orElseThrow(() -> new AssertionError(uses.toString()));
        assertEquals(1, merge.other().size(), merge::toString);
        assertTrue(merge.other().iterator().next() >= 0, "the other is an instruction of the method: " + merge);
    }

    @Test
    void aStoreAtAnIndexThatIsNotAConstantIsTold() {
        List<Flows.Use> value = uses(site("unknownIndex", "new StringBuilder"));
        Flows.Use store = value.stream().filter(u -> u.kind() == Flows.Kind.ARRAY_STORE).findFirst().orElseThrow();
        assertTrue(!store.index().equals(Set.of(Flows.CONSTANT)), store::toString);
        List<Flows.Use> array = uses(site("unknownIndex", "new Object[2]"));
        assertTrue(array.stream().anyMatch(u -> u.kind() == Flows.Kind.ARRAY_INDEX), array::toString);
    }

    @Test
    void aBoxOfAConstantOutsideTheCacheIsKnownToBeOne() {
        Site big = site("boxBig", "box Integer");
        Site small = site("boxSmall", "box Integer");
        assertEquals(Optional.of((long) Integer.MAX_VALUE), flows.constantArgument(big.method(), big.bci()));
        assertEquals(Optional.of(7L), flows.constantArgument(small.method(), small.bci()));
        assertTrue(uses(big).stream().anyMatch(u -> u.kind() == Flows.Kind.RETURN), uses(big)::toString);
    }
}
