package escapelab.escape;

import javassist.bytecode.BadBytecode;
import javassist.bytecode.CodeIterator;
import javassist.bytecode.MethodInfo;
import javassist.bytecode.Opcode;
import javassist.bytecode.stackmap.BasicBlock;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * A method's basic blocks (Javassist builds them), for one question: which bytecode can a
 * compiled copy run, once C2 has cut off the sides of branches that profiling never saw taken?
 */
final class Blocks {

    private final MethodInfo method;
    private final Block[] blocks;

    Blocks(MethodInfo method) throws BadBytecode {
        this.method = method;
        this.blocks = (Block[]) new Maker().make(method);
    }

    /**
     * Whether the instruction at {@code bci} is reachable from {@code entry} without crossing a
     * cut-off branch side.
     *
     * @param entry 0, or the loop entry of an on-stack-replacement compilation
     * @param cutTaken branches whose target side was cut off
     * @param cutFallThrough branches whose fall-through side was cut off
     */
    boolean reachable(int bci, int entry, Set<Integer> cutTaken, Set<Integer> cutFallThrough) throws BadBytecode {
        Block start = blockAt(entry);
        Block goal = blockAt(bci);
        if (start == null || goal == null) {
            return true;
        }
        CodeIterator code = method.getCodeAttribute().iterator();
        Set<Block> seen = new HashSet<>();
        Deque<Block> work = new ArrayDeque<>();
        work.add(start);
        while (!work.isEmpty()) {
            Block block = work.poll();
            if (!seen.add(block)) {
                continue;
            }
            if (block == goal) {
                return true;
            }
            int last = lastInstruction(block);
            int op = code.byteAt(last);
            boolean conditional = (op >= Opcode.IFEQ && op <= Opcode.IF_ACMPNE) || op == Opcode.IFNULL
                    || op == Opcode.IFNONNULL;
            int target = conditional ? last + code.s16bitAt(last + 1) : -1;
            for (Block next : block.successors()) {
                boolean cut = conditional && ((next.start() == target && cutTaken.contains(last))
                        || (next.start() == last + 3 && cutFallThrough.contains(last)));
                if (!cut) {
                    work.add(next);
                }
            }
            for (BasicBlock.Catch c = block.handlers(); c != null; c = c.next) {
                work.add((Block) c.body);
            }
        }
        return false;
    }

    private Block blockAt(int bci) {
        for (Block block : blocks) {
            if (bci >= block.start() && bci < block.end()) {
                return block;
            }
        }
        return null;
    }

    private int lastInstruction(Block block) throws BadBytecode {
        CodeIterator code = method.getCodeAttribute().iterator();
        code.move(block.start());
        int last = block.start();
        while (code.hasNext()) {
            int bci = code.next();
            if (bci >= block.end()) {
                break;
            }
            last = bci;
        }
        return last;
    }

    /** Javassist's block, with its protected fields read through accessors. */
    private static final class Block extends BasicBlock {

        Block(int position) {
            super(position);
        }

        int start() {
            return position;
        }

        int end() {
            return position + length;
        }

        Block[] successors() {
            return exit == null ? new Block[0] : (Block[]) exit;
        }

        BasicBlock.Catch handlers() {
            return toCatch;
        }
    }

    private static final class Maker extends BasicBlock.Maker {

        @Override
        protected BasicBlock makeBlock(int position) {
            return new Block(position);
        }

        @Override
        protected BasicBlock[] makeArray(int size) {
            return new Block[size];
        }
    }
}
