/**
 * Compiling {@code %%jmh} cells and finding their classes: {@link escapelab.cell.JmhCellMagic}
 * registers the cell magic, {@link escapelab.cell.BenchCompiler} compiles a cell with javac and
 * JMH's annotation processor into the one folder that {@link escapelab.cell.CellClasses} keeps
 * on the class path (with JMH's merged benchmark list), and {@link escapelab.cell.BenchClass} is
 * a compiled cell: its source, its classes and its benchmarks. {@link escapelab.cell.CellClassPath}
 * is the class path javac and the forks give a cell; {@link escapelab.cell.PrecompileCells} (run
 * by setup) keeps javac's output for the notebooks' unchanged cells, which a fresh kernel reads
 * instead of paying a cold javac.
 */
package escapelab.cell;
