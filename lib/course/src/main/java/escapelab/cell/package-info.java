/**
 * Compiling {@code %%jmh} cells and finding their classes: {@link escapelab.cell.JmhCellMagic}
 * registers the cell magic, {@link escapelab.cell.BenchCompiler} compiles a cell with javac and
 * JMH's annotation processor into the one folder that {@link escapelab.cell.CellClasses} keeps
 * on the class path (with JMH's merged benchmark list), and {@link escapelab.cell.BenchClass} is
 * a compiled cell: its source, its classes and its benchmarks.
 */
package escapelab.cell;
