/**
 * What a cell shows: {@link escapelab.kernel.display.Renderer} turns a value into a MIME bundle
 * (images and charts as PNG, Tablesaw tables as HTML, the rest as text),
 * {@link escapelab.kernel.display.KernelHost} is the kernel's side of the notebook seam (libraries'
 * displays go out on iopub from any thread), and {@link escapelab.kernel.display.Display} holds
 * the functions every cell may call by simple name.
 */
package escapelab.kernel.display;
