package escapelab.escape;

import java.util.List;
import java.util.Set;

/**
 * One compilation from the compile log: which methods it reached (inlined), what it decided,
 * and what escape analysis removed.
 *
 * @param id HotSpot's compile id
 * @param root the method compiled
 * @param osrBci the loop entry of an on-stack-replacement compilation, -1 for a normal one
 * @param c2 whether C2 (tier 4) compiled it; C1 compilations do no escape analysis
 * @param succeeded whether the compilation finished and installed code
 * @param reached every method parsed into the compiled code, each with the call chain it came through
 * @param decisions every inlining decision
 * @param eliminations what escape analysis removed
 * @param lateInlinesPlanned calls parsed as direct calls to be inlined later (boxing methods), innermost first
 * @param lateInlinesDone those of them that were inlined later; a planned one never done was removed as dead
 */
record Compilation(int id, MethodRef root, int osrBci, boolean c2, boolean succeeded, List<Reach> reached,
                   List<InlineDecision> decisions, List<Elimination> eliminations,
                   Set<List<Frame>> lateInlinesPlanned, Set<List<Frame>> lateInlinesDone) {

    Compilation {
        reached = List.copyOf(reached);
        decisions = List.copyOf(decisions);
        eliminations = List.copyOf(eliminations);
        lateInlinesPlanned = Set.copyOf(lateInlinesPlanned);
        lateInlinesDone = Set.copyOf(lateInlinesDone);
    }

    boolean osr() {
        return osrBci >= 0;
    }

    /**
     * A method parsed into the compiled code.
     *
     * @param method the method
     * @param callers the calls it was inlined through, innermost first; empty for the root
     * @param cutTaken branches (bytecode index) whose taken side C2 replaced by an uncommon trap:
     *                 never taken while profiling, so the code behind it is not compiled
     * @param cutFallThrough branches whose fall-through side C2 cut off the same way
     */
    record Reach(MethodRef method, List<Frame> callers, Set<Integer> cutTaken, Set<Integer> cutFallThrough) {

        Reach {
            callers = List.copyOf(callers);
            cutTaken = Set.copyOf(cutTaken);
            cutFallThrough = Set.copyOf(cutFallThrough);
        }

        Reach(MethodRef method, List<Frame> callers) {
            this(method, callers, Set.of(), Set.of());
        }
    }
}
