package escapelab.escape;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Why a site stays on the heap in one compiled copy, from the code's own flow (where the value
 * goes, {@link Flows}) checked against what the compile log says C2 inlined there: the JVM's
 * form of Go's {@code -m=2} {@code flow:} lines.
 */
final class Why {

    /** What JDK 17 and newer JDKs do with an object merged with another at a join. */
    static final String MERGES = "JDK 17 never scalar-replaces an object merged with another at a join;"
            + " from JDK 23 C2 can (ReduceAllocationMerges, on by default since JDK-8324688), where the merged objects are only read";

    private static final int DEPTH = 8;

    private final Flows flows;
    private final ToIntFunction<Frame> lines;
    private final Function<MethodRef, List<String>> notInlinedInto;

    /**
     * @param flows the bytecode's flows
     * @param lines the source line of a bytecode position, -1 if unknown
     * @param notInlinedInto why a method compiled on its own was not inlined where it is called
     */
    Why(Flows flows, ToIntFunction<Frame> lines, Function<MethodRef, List<String>> notInlinedInto) {
        this.flows = flows;
        this.lines = lines;
        this.notInlinedInto = notInlinedInto;
    }

    /**
     * The flows that make the site's value escape in this compiled copy; empty if the bytecode
     * shows none (or cannot be read).
     *
     * @param chain the site's frame, then the calls it was inlined through, innermost first
     */
    List<String> of(Site site, Compilation copy, List<Frame> chain) {
        int origin = flows.nodeAt(site.method(), site.bci());
        if (origin < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        follow(site.method(), origin, chain.subList(1, chain.size()), copy, "", 0, new HashSet<>(), out);
        return out;
    }

    private void follow(MethodRef method, int origin, List<Frame> callers, Compilation copy, String before, int depth,
                        Set<String> seen, List<String> out) {
        if (depth > DEPTH || !seen.add(method + " " + origin + " " + callers)) {
            return;
        }
        for (Flows.Use use : flows.uses(method, origin)) {
            String at = at(method, use.bci(), depth);
            switch (use.kind()) {
                case STATIC_FIELD -> out.add(before + "stored in the static field " + use.name() + " (" + at + ")");
                case FIELD -> into(method, use, "the field " + use.name() + " of", at, callers, copy, before, depth, seen, out);
                case ARRAY_STORE -> {
                    if (!use.index().equals(Set.of(Flows.CONSTANT))) {
                        out.add(before + "stored into an array at an index C2 cannot resolve (" + at
                                + "): an array element at an unknown index is never scalar-replaced");
                    } else {
                        into(method, use, "an element of", at, callers, copy, before, depth, seen, out);
                    }
                }
                case ARRAY_INDEX -> out.add(before + "indexed as an array at a position C2 cannot resolve (" + at
                        + "): C2 scalar-replaces an array only where every index is a constant");
                case RETURN -> returned(method, at, callers, copy, before, depth, seen, out);
                case CALL -> passed(method, use, at, callers, copy, before, depth, seen, out);
                case THROW -> out.add(before + "thrown (" + at + ")");
                case CAPTURE -> out.add(before + "captured by a lambda (" + at + "), which holds it in a field");
                case MERGE -> out.add(before + "merged with " + others(method, use.other()) + " at a join (before "
                        + at + "): " + MERGES);
                case LOCK -> { } // a lock on an object that does not escape is elided: not a flow out
            }
        }
    }

    /** Stored into another object (a field, an array element): it escapes where that object does. */
    private void into(MethodRef method, Flows.Use use, String what, String at, List<Frame> callers, Compilation copy,
                      String before, int depth, Set<String> seen, List<String> out) {
        for (int container : use.other()) {
            if (container >= 0) {
                String made = made(method, container);
                follow(method, container, callers, copy, before + "stored into " + what + " " + made + " (" + at
                        + "), which is ", depth + 1, seen, out);
            } else if (container == Flows.UNKNOWN) {
                out.add(before + "stored into " + what + " an object read from a field, an array or a call (" + at
                        + "): that object is on the heap");
            } else if (container < 0 && container > Flows.UNKNOWN) {
                int slot = -1 - container;
                String holder = slot == 0 && !method.name().equals("<clinit>") ? "this" : "a parameter";
                if (callers.isEmpty()) {
                    out.add(before + "stored into " + what + " " + holder + " (" + at + "), an object from outside"
                            + " the compiled code");
                    continue;
                }
                Frame call = callers.get(0);
                String step = before + "stored into " + what + " " + holder + " (" + at + ")";
                Set<Integer> outers = flows.argumentOrigins(call.method(), call.bci(), slot);
                if (outers.isEmpty()) {
                    out.add(step + ", an object from outside " + call.method().display() + ": it is on the heap");
                }
                for (int outer : outers) {
                    if (outer >= 0) {
                        follow(call.method(), outer, callers.subList(1, callers.size()), copy, step + ", the object made at "
                                + at(call.method(), flows.bciOf(call.method(), outer), depth + 1) + ", which is ",
                                depth + 1, seen, out);
                    } else {
                        out.add(step + ", an object from outside " + call.method().display() + ": it is on the heap");
                    }
                }
            }
        }
    }

    private void returned(MethodRef method, String at, List<Frame> callers, Compilation copy, String before, int depth,
                          Set<String> seen, List<String> out) {
        String step = before + "returned from " + method.display() + " (" + at + ")";
        if (callers.isEmpty()) {
            List<String> why = notInlinedInto.apply(method);
            out.add(step + " to a caller C2 compiled apart" + (why.isEmpty() ? "" : ": " + String.join("; ", why)));
            return;
        }
        Frame caller = callers.get(0);
        if (caller.method().holder().contains(".jmh_generated.")) {
            out.add(step + " to JMH's measurement loop, which hands it to its Blackhole");
            return;
        }
        int result = flows.nodeAt(caller.method(), caller.bci());
        if (result < 0) {
            out.add(step + " to " + caller.method().display() + ", whose bytecode the report cannot read");
            return;
        }
        follow(caller.method(), result, callers.subList(1, callers.size()), copy, step + " into "
                + caller.method().display() + ", where it is ", depth + 1, seen, out);
    }

    private void passed(MethodRef method, Flows.Use use, String at, List<Frame> callers, Compilation copy, String before,
                        int depth, Set<String> seen, List<String> out) {
        if (use.call().holder().equals("org.openjdk.jmh.infra.Blackhole")) {
            out.add(before + "handed to JMH's Blackhole (" + at + ")");
            return;
        }
        List<Frame> site = new ArrayList<>();
        site.add(new Frame(method, use.bci()));
        site.addAll(callers);
        Optional<InlineDecision> decision = copy.decisions().stream().filter(d -> d.callSite().equals(site)).findFirst();
        String step = before + "passed to " + use.name() + " (" + at + ")";
        if (decision.isEmpty()) {
            out.add(step + "; the compile log records no inlining decision for that call, so the report cannot tell"
                    + " whether C2 inlined it");
        } else if (!decision.get().inlined()) {
            out.add(step + ", which C2 did not inline: " + decision.get().reason());
        } else if (!flows.readable(decision.get().callee())) {
            // An intrinsic (System.identityHashCode, say) or code the report cannot read.
            out.add(step + ", inlined (" + decision.get().reason() + ") as code whose bytecode the report cannot follow");
        } else {
            follow(decision.get().callee(), Flows.parameter(use.argument()), site, copy,
                    step + ", inlined; there it is ", depth + 1, seen, out);
        }
    }

    /** The other values a merge joins: other objects by line, null, parameters, objects from elsewhere. */
    private String others(MethodRef method, Set<Integer> others) {
        List<String> words = new ArrayList<>();
        for (int o : others) {
            if (o >= 0) {
                words.add(made(method, o));
            } else if (o == Flows.NULL) {
                words.add("null");
            } else if (o == Flows.UNKNOWN) {
                words.add("an object read from a field, an array or a call");
            } else if (o > Flows.UNKNOWN) {
                words.add(-1 - o == 0 ? "this or the first parameter" : "a parameter");
            }
        }
        return words.isEmpty() ? "another value" : String.join(" and ", words);
    }

    /** {@code the object made at line 12}, or {@code the object returned by the call at line 12}. */
    private String made(MethodRef method, int origin) {
        int line = lines.applyAsInt(new Frame(method, flows.bciOf(method, origin)));
        return (flows.isCall(method, origin) ? "the object returned by the call at line " : "the object made at line ")
                + line;
    }

    /** {@code line 23}, with the method where it is not the site's own. */
    private String at(MethodRef method, int bci, int depth) {
        int line = lines.applyAsInt(new Frame(method, bci));
        String where = line < 0 ? "bci " + bci : "line " + line;
        return depth == 0 ? where : where + " of " + method.display();
    }
}
