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

    private static final Pattern ARRAY_LENGTH = Pattern.compile("\\[(\\d*)]$");

    private final List<Compilation> lastC2;
    private final Map<Compilation, String> keys = new IdentityHashMap<>();
    private final Map<String, Integer> c2Count = new LinkedHashMap<>();
    private final List<Compilation> allC2 = new ArrayList<>();
    private final Predicate<String> inScope;
    private final ToIntFunction<Frame> lines;
    private final InCode inCode;
    private final int arrayLimit;

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
                    allC2.add(c);
                    c2Count.merge(key, 1, Integer::sum);
                    last.merge(key, c, (a, b) -> b.id() > a.id() ? b : a);
                }
            }
        }
        this.lastC2 = List.copyOf(last.values());
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
        Finding.Outcome outcome = removed == copies.size() ? Finding.Outcome.ELIMINATED
                : removed == 0 ? Finding.Outcome.KEPT : Finding.Outcome.PARTLY;
        Set<String> notes = new LinkedHashSet<>();
        for (Copy copy : copies) {
            Compilation c = copy.compilation();
            int count = c2Count.get(key(c));
            // JMH's generated loop around a benchmark is what C2 compiles; name it as a learner knows it.
            String method = c.root().holder().contains(".jmh_generated.") ? "JMH's measurement loop"
                    : c.root().display();
            String root = method + (c.osr() ? " (OSR at bci " + c.osrBci() + ")" : "");
            if (count > 1) {
                notes.add("read the last of " + count + " C2 compilations of " + root);
            } else if (c.osr()) {
                notes.add("compiled in " + root);
            }
            if (copy.removed() && !copy.removal().how().isEmpty()) {
                notes.add("lock elided because " + copy.removal().howInWords());
            }
        }
        Set<String> reasons = new LinkedHashSet<>();
        if (outcome != Finding.Outcome.ELIMINATED) {
            for (Copy copy : copies) {
                if (!copy.removed()) {
                    reasons.addAll(keptReasons(site, copy));
                }
            }
        }
        return new Finding(site, context, outcome, copies.size(), (int) removed, List.copyOf(notes),
                List.copyOf(reasons));
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
            };
            if (matches) {
                return e;
            }
        }
        // A boxing call is parsed to be inlined late; if its result died first, it was dropped.
        boolean dropped = site.kind() == Site.Kind.BOX && c.lateInlinesPlanned().contains(chain)
                && !c.lateInlinesDone().contains(chain);
        return dropped ? new Elimination(Elimination.Kind.BOXING, chain, "") : null;
    }

    private List<String> keptReasons(Site site, Copy copy) {
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
        if (reasons.isEmpty() && site.kind().allocates()) {
            reasons.add("nothing on its path failed to inline: C2 saw it escape (returned, stored in a field,"
                    + " passed where it cannot follow, or merged with another object)");
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
