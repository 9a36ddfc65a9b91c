package escapelab.escape;

/** A bytecode position in a method: where an allocation, a call or a lock is. */
public record Frame(MethodRef method, int bci) {
}
