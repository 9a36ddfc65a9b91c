package escapelab.escape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Judges sites against compilations: a site is removed in a compiled copy when an elimination's
 * call chain is exactly the copy's (the site, then the calls it was inlined through).
 */
final class Verdicts {

    /** Where a box left in place allocates nothing all the same: valueOf hands out shared boxes. */
    private static final Map<String, String> CACHED_BOXES = Map.of(
            "box Integer", "Integer.valueOf returns a shared box for -128 to 127: those values allocate nothing",
            "box Long", "Long.valueOf returns a shared box for -128 to 127: those values allocate nothing",
            "box Short", "Short.valueOf returns a shared box for -128 to 127: those values allocate nothing",
            "box Byte", "Byte.valueOf returns a shared box for every value: it allocates nothing",
            "box Character", "Character.valueOf returns a shared box for 0 to 127: those values allocate nothing",
            "box Boolean", "Boolean.valueOf returns Boolean.TRUE or Boolean.FALSE: it allocates nothing");

    private static final Pattern ARRAY_LENGTH = Pattern.compile("\\[(\\d*)]$");

    private final List<Compilation> lastC2;
    private final Map<Compilation, String> keys = new IdentityHashMap<>();
    private final Map<Compilation, Integer> jvmOf = new IdentityHashMap<>();
    private final Map<String, Integer> c2Count = new LinkedHashMap<>();
    private final List<Compilation> allC2 = new ArrayList<>();
    private final Predicate<String> inScope;
    private final ToIntFunction<Frame> lines;
    private final InCode inCode;
    private final int arrayLimit;
    private final Set<String> compilationsRead = new LinkedHashSet<>();
    private Why why;
    private Flows flows;
    private List<String> flags = List.of();

    /** Whether a compiled copy runs the site's bytecode at all (C2 cuts off branch sides never taken). */
    interface InCode {
        boolean compiled(Site site, int entry, Compilation.Reach reach);
    }

    /**
     * @param logs the compile logs read, one per forked JVM
     * @param inScope which classes (binary names) the report covers
     * @param lines the source line of a bytecode position, -1 if unknown
     * @param inCode whether a site is in a compiled copy's code
     * @param arrayLimit C2's EliminateAllocationArraySizeLimit, -1 if unknown
     */
    Verdicts(List<CompileLog> logs, Predicate<String> inScope, ToIntFunction<Frame> lines, InCode inCode,
             int arrayLimit) {
        this.inScope = inScope;
        this.lines = lines;
        this.inCode = inCode;
        this.arrayLimit = arrayLimit;
        // A method compiled again (after a deoptimization) runs the newest code: read that one.
        Map<String, Compilation> last = new LinkedHashMap<>();
        for (int jvm = 0; jvm < logs.size(); jvm++) {
            for (Compilation c : logs.get(jvm).compilations()) {
                if (c.c2() && c.succeeded()) {
                    String key = jvm + " " + c.root() + (c.osr() ? " osr" : "");
                    keys.put(c, key);
                    jvmOf.put(c, jvm);
                    allC2.add(c);
                    c2Count.merge(key, 1, Integer::sum);
                    last.merge(key, c, (a, b) -> b.id() > a.id() ? b : a);
                }
            }
        }
        this.lastC2 = List.copyOf(last.values());
    }

    /** Explains kept sites from the bytecode's flows (without, only from inlining decisions). */
    Verdicts explainedBy(Flows read) {
        this.flows = read;
        this.why = new Why(read, lines, this::notInlinedInto);
        return this;
    }

    /** The flags the forks ran with: one that turns escape analysis off is the reason for every kept site. */
    Verdicts flags(List<String> forkFlags) {
        this.flags = List.copyOf(forkFlags);
        return this;
    }

    /**
     * Which compilations were read where a method was compiled more than once or on stack, once
     * per method for the whole report rather than under every site.
     */
    List<String> compilationsRead() {
        return List.copyOf(compilationsRead);
    }

    private String key(Compilation c) {
        return keys.get(c);
    }

    /** One finding per site and context, sites in the order given. */
    List<Finding> judge(List<Site> sites) {
        List<Finding> findings = new ArrayList<>();
        for (Site site : sites) {
            Map<MethodRef, List<Copy>> byContext = new LinkedHashMap<>();
            for (Compilation c : lastC2) {
                for (Compilation.Reach reach : c.reached()) {
                    if (reach.method().equals(site.method())) {
                        List<Frame> chain = new ArrayList<>();
                        chain.add(site.frame());
                        chain.addAll(reach.callers());
                        int entry = reach.callers().isEmpty() && c.osr() ? c.osrBci() : 0;
                        boolean cut = !inCode.compiled(site, entry, reach);
                        if (cut && entry > 0 && inCode.compiled(site, 0, reach)) {
                            continue; // before the loop an OSR compilation enters: not part of that code
                        }
                        byContext.computeIfAbsent(context(site, reach), k -> new ArrayList<>())
                                .add(new Copy(c, List.copyOf(chain), cut ? null : removal(site, chain, c), cut));
                    }
                }
            }
            if (site.kind() == Site.Kind.NON_CAPTURING_LAMBDA) {
                // Linked once to a constant: no compilation is needed for it to allocate nothing.
                if (byContext.isEmpty()) {
                    byContext.put(site.method(), List.of());
                }
                byContext.forEach((context, copies) -> findings.add(new Finding(site, context,
                        Finding.Outcome.NOT_ALLOCATED, copies.size(), 0, List.of(), List.of())));
                continue;
            }
            if (byContext.isEmpty()) {
                findings.add(new Finding(site, site.method(), Finding.Outcome.NOT_C2_COMPILED, 0, 0, List.of(),
                        neverCompiledReasons(site)));
            }
            byContext.forEach((context, copies) -> findings.add(finding(site, context, copies)));
        }
        return findings;
    }

    /** One compiled copy of a site, and how it was removed (empty how: removed without a lock reason), or null. */
    private record Copy(Compilation compilation, List<Frame> chain, Elimination removal, boolean cut) {

        boolean removed() {
            return removal != null;
        }
    }

    private Finding finding(Site site, MethodRef context, List<Copy> all) {
        List<Copy> copies = all.stream().filter(c -> !c.cut()).toList();
        if (copies.isEmpty()) {
            return new Finding(site, context, Finding.Outcome.PRUNED, all.size(), 0, List.of(), List.of(
                    "every path to it is a branch side that was never taken while profiling: C2 compiled an "
                            + "uncommon trap there instead, so running it would leave the compiled code"));
        }
        long removed = copies.stream().filter(Copy::removed).count();
        Finding.Outcome outcome = outcomeOf(copies);
        List<Copy> measuredCopies = measured(copies);
        Finding.Outcome measured = outcome == Finding.Outcome.PARTLY ? outcomeOf(measuredCopies) : outcome;
        compilationsRead.addAll(compilationsRead(copies));
        Set<String> notes = new LinkedHashSet<>();
        if (outcome == Finding.Outcome.PARTLY && measured != Finding.Outcome.PARTLY) {
            notes.add("where measured: the copy in " + measuredCopies.stream().map(c -> rootName(c.compilation()))
                    .distinct().collect(Collectors.joining(", "))
                    + ", which every measurement iteration runs; the others ran while warming up, if at all");
        }
        for (Copy copy : copies) {
            if (copy.removed() && !copy.removal().how().isEmpty()) {
                notes.add("lock elided because " + copy.removal().howInWords());
            }
        }
        if (site.kind() == Site.Kind.CONCAT) {
            notes.addAll(concatenationParts(copies));
        }
        Set<String> reasons = new LinkedHashSet<>();
        if (outcome != Finding.Outcome.ELIMINATED) {
            for (Copy copy : copies) {
                if (!copy.removed()) {
                    reasons.addAll(keptReasons(site, copy));
                }
            }
        }
        return new Finding(site, context, outcome, measured, copies.size(), (int) removed, List.copyOf(notes),
                List.copyOf(reasons));
    }

    private static Finding.Outcome outcomeOf(List<Copy> copies) {
        long removed = copies.stream().filter(Copy::removed).count();
        return removed == copies.size() ? Finding.Outcome.ELIMINATED
                : removed == 0 ? Finding.Outcome.KEPT : Finding.Outcome.PARTLY;
    }

    /**
     * The copies the measurement ran: those in JMH's measurement loop if it inlined the site (else
     * all, the loop calling a method compiled on its own), and of those, per forked JVM, the
     * standard compilation, which every iteration after it enters, rather than the on-stack
     * replacement that took over the loop while it warmed up.
     */
    private List<Copy> measured(List<Copy> copies) {
        List<Copy> inLoop = copies.stream().filter(c -> inMeasurementLoop(c.compilation().root())).toList();
        Map<Integer, List<Copy>> byJvm = new LinkedHashMap<>();
        for (Copy copy : inLoop.isEmpty() ? copies : inLoop) {
            byJvm.computeIfAbsent(jvmOf.get(copy.compilation()), k -> new ArrayList<>()).add(copy);
        }
        List<Copy> measured = new ArrayList<>();
        for (List<Copy> inJvm : byJvm.values()) {
            List<Copy> standard = inJvm.stream().filter(c -> !c.compilation().osr()).toList();
            measured.addAll(standard.isEmpty() ? inJvm : standard);
        }
        return measured;
    }

    private static boolean inMeasurementLoop(MethodRef root) {
        return root.holder().contains(".jmh_generated.");
    }

    /** JMH's generated loop around a benchmark is what C2 compiles; name it as a learner knows it. */
    private static String rootName(Compilation c) {
        return inMeasurementLoop(c.root()) ? "JMH's measurement loop" : c.root().display();
    }

    /**
     * One note per compiled method read, where it was compiled more than once or on stack:
     * {@code JMH's measurement loop: read the last of 2 C2 compilations and its OSR compilation (entered at bci 13)}.
     */
    private List<String> compilationsRead(List<Copy> copies) {
        Map<String, int[]> counts = new LinkedHashMap<>(); // root -> standard compilations, OSR ones, OSR entry
        for (Copy copy : copies) {
            Compilation c = copy.compilation();
            int[] count = counts.computeIfAbsent(rootName(c), k -> new int[] {0, 0, -1});
            if (c.osr()) {
                count[1] = Math.max(count[1], c2Count.get(key(c)));
                count[2] = c.osrBci();
            } else {
                count[0] = Math.max(count[0], c2Count.get(key(c)));
            }
        }
        List<String> notes = new ArrayList<>();
        counts.forEach((root, count) -> {
            List<String> read = new ArrayList<>();
            if (count[0] > 1) {
                read.add("the last of " + count[0] + " C2 compilations");
            } else if (count[0] == 1 && count[1] > 0) {
                read.add("its C2 compilation");
            }
            String entered = " (entered at bci " + count[2] + ")";
            if (count[1] > 1) {
                read.add("the last of " + count[1] + " OSR compilations" + entered);
            } else if (count[1] == 1) {
                read.add("its OSR compilation" + entered);
            }
            if (!read.isEmpty()) {
                notes.add(root + ": read " + String.join(" and ", read));
            }
        });
        return notes;
    }

    /** What C2 removed of the objects a concatenation builds (the String), where it removed any. */
    private static List<String> concatenationParts(List<Copy> copies) {
        Map<String, Integer> removedIn = new LinkedHashMap<>();
        for (Copy copy : copies) {
            copy.compilation().eliminations().stream()
                    .filter(e -> e.kind() == Elimination.Kind.ALLOCATION && behind(e.chain(), copy.chain()))
                    .map(e -> SiteReader.simpleName(e.type()))
                    .distinct()
                    .forEach(type -> removedIn.merge(type, 1, Integer::sum));
        }
        List<String> notes = new ArrayList<>();
        removedIn.forEach((type, n) -> notes.add("the " + type + " it builds was scalar-replaced in " + n + " of "
                + copies.size() + " compiled copies: only the bytes of the text were allocated there"));
        return notes;
    }

    /** Whether an allocation was made in code an invokedynamic at the end of {@code chain} linked to. */
    private static boolean behind(List<Frame> at, List<Frame> chain) {
        return at.size() > chain.size() && at.subList(at.size() - chain.size(), at.size()).equals(chain);
    }

    /** The outermost method of the chain that is in scope (the benchmark method, for a cell). */
    private MethodRef context(Site site, Compilation.Reach reach) {
        MethodRef context = site.method();
        for (Frame caller : reach.callers()) {
            if (inScope.test(caller.method().holder())) {
                context = caller.method();
            }
        }
        return context;
    }

    private static Elimination removal(Site site, List<Frame> chain, Compilation c) {
        for (Elimination e : c.eliminations()) {
            List<Frame> at = e.chain();
            List<Frame> inCallee = at.size() > 1 ? at.subList(1, at.size()) : List.of();
            boolean matches = switch (site.kind()) {
                case NEW, ARRAY -> e.kind() == Elimination.Kind.ALLOCATION && at.equals(chain);
                // A box is a call to valueOf: removed whole, or its allocation inside valueOf scalar-replaced.
                case BOX -> (e.kind() == Elimination.Kind.BOXING && at.equals(chain))
                        || (e.kind() == Elimination.Kind.ALLOCATION && inCallee.equals(chain));
                // A synchronized block locks here; a synchronized method locks at its entry, inside the call.
                case LOCK -> e.kind() == Elimination.Kind.LOCK && (at.equals(chain) || inCallee.equals(chain));
                // A lambda is allocated inside the method handles its invokedynamic links to: one object.
                case CAPTURING_LAMBDA -> e.kind() == Elimination.Kind.ALLOCATION && behind(at, chain);
                // A concatenation's bytes are never removed (its String may be: a note says so).
                case CONCAT, NON_CAPTURING_LAMBDA -> false;
            };
            if (matches) {
                return e;
            }
        }
        // A boxing call is parsed to be inlined late; if its result died first, it was dropped.
        boolean dropped = site.kind() == Site.Kind.BOX && c.lateInlinesPlanned().contains(chain)
                && !c.lateInlinesDone().contains(chain);
        return dropped ? new Elimination(Elimination.Kind.BOXING, chain, "", "") : null;
    }

    private List<String> keptReasons(Site site, Copy copy) {
        List<String> reasons = new ArrayList<>();
        List<Frame> chain = copy.chain();
        String off = flagOff();
        if (off != null && site.kind() != Site.Kind.LOCK) {
            return List.of(off);
        }
        if (site.kind() == Site.Kind.ARRAY) {
            Matcher length = ARRAY_LENGTH.matcher(site.what());
            if (length.find()) {
                if (length.group(1).isEmpty()) {
                    reasons.add("an array whose length is not a constant is never scalar-replaced");
                } else if (arrayLimit >= 0 && Integer.parseInt(length.group(1)) > arrayLimit) {
                    reasons.add("arrays longer than " + arrayLimit
                            + " elements are never scalar-replaced (EliminateAllocationArraySizeLimit)");
                }
            }
        }
        if (site.kind() == Site.Kind.CONCAT) {
            reasons.add("C2 does not scalar-replace the byte array a concatenation fills with the text:"
                    + " those bytes stay on the heap even where the String object itself is removed");
        }
        boolean followed = why != null && flows.readable(site.method());
        if (followed && site.kind() != Site.Kind.CONCAT && site.kind() != Site.Kind.LOCK) {
            try {
                reasons.addAll(why.of(site, copy.compilation(), chain));
            } catch (RuntimeException e) {
                followed = false; // bytecode the flows cannot follow: fall back on the inlining decisions
                reasons.addAll(inliningReasons(site, copy));
            }
        } else if (!followed) {
            reasons.addAll(inliningReasons(site, copy));
        }
        if (reasons.isEmpty() && site.kind().allocates()) {
            reasons.add(followed
                    ? "no flow in the bytecode makes it escape, and the compile log names no reason: the report"
                    + " cannot say why C2 kept it"
                    : "its bytecode could not be followed, and nothing on its path failed to inline");
        }
        if (site.kind() == Site.Kind.BOX && (flows == null || mayBeCached(site))) {
            String cached = CACHED_BOXES.get(site.what());
            if (cached != null) {
                reasons.add(cached);
            }
        }
        return reasons;
    }

    /** A box of a constant outside the cached range never gets a shared box. */
    private boolean mayBeCached(Site site) {
        return flows.constantArgument(site.method(), site.bci()).map(v -> v >= -128 && v <= 127).orElse(true);
    }

    /** The first flag that turned the optimisation off in the forks, as a reason, or null. */
    private String flagOff() {
        for (String flag : flags) {
            if (flag.equals("-XX:-DoEscapeAnalysis") || flag.equals("-XX:-EliminateAllocations")) {
                return "the forks ran with " + flag + ": C2 scalar-replaces nothing there, whatever the flow";
            }
        }
        return null;
    }

    /** Without the bytecode's flows: the calls on the site's path that C2 did not inline. */
    private List<String> inliningReasons(Site site, Copy copy) {
        List<String> reasons = new ArrayList<>();
        List<Frame> chain = copy.chain();
        if (chain.size() == 1) {
            reasons.addAll(notInlinedInto(site.method()));
        }
        for (InlineDecision d : copy.compilation().decisions()) {
            if (!d.inlined() && inScope.test(d.caller().holder()) && onPath(d, chain)) {
                reasons.add("call to " + d.callee().display() + " at line " + lines.applyAsInt(d.callSite().get(0))
                        + " not inlined: " + d.reason());
            }
        }
        return reasons;
    }

    /** A call made from a method on the chain, at the same place in the inlining tree. */
    private static boolean onPath(InlineDecision d, List<Frame> chain) {
        List<Frame> callers = d.callSite().subList(1, d.callSite().size());
        for (int k = 0; k < chain.size(); k++) {
            if (chain.get(k).method().equals(d.caller()) && chain.subList(k + 1, chain.size()).equals(callers)) {
                return true;
            }
        }
        return false;
    }

    /** Why a method compiled on its own was not inlined where it is called. */
    private List<String> notInlinedInto(MethodRef method) {
        return allC2.stream()
                .flatMap(c -> c.decisions().stream())
                .filter(d -> !d.inlined() && d.callee().equals(method))
                .map(d -> method.display() + " compiled on its own: not inlined into " + d.caller().display()
                        + " at line " + lines.applyAsInt(d.callSite().get(0)) + ": " + d.reason())
                .distinct()
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.toList());
    }

    private static List<String> neverCompiledReasons(Site site) {
        return List.of("no C2 compilation contains " + site.method().display()
                + " in this run: it ran too rarely, in the interpreter or C1 only");
    }
}
