/**
 * The kernel as Jupyter starts it: {@link escapelab.kernel.Main} reads the connection file,
 * {@link escapelab.kernel.JavaKernel} answers the requests and wires the rooms below together,
 * {@link escapelab.kernel.CellRunner} runs one cell (its magic, or its code and line magics in
 * order), and {@link escapelab.kernel.Inspector} answers Shift-Tab and {@code name?}.
 *
 * <p>The rest lives in rooms named for their concern, so that a change to one (the protocol's
 * manners, say) is made and reviewed in one place:
 * <ul>
 *   <li>{@link escapelab.kernel.protocol}: the Jupyter messaging protocol and the fixes to
 *       jupyter-jvm-basekernel; knows nothing of JShell or cells.</li>
 *   <li>{@link escapelab.kernel.shell}: running cells in JShell inside this JVM.</li>
 *   <li>{@link escapelab.kernel.errors}: how a failing cell reads to the learner.</li>
 *   <li>{@link escapelab.kernel.magic}: line and cell magics, and {@code %maven}'s resolver.</li>
 *   <li>{@link escapelab.kernel.display}: values as MIME bundles, and the notebook seam's host.</li>
 * </ul>
 */
package escapelab.kernel;
