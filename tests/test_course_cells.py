"""The course's cells through the `java` kernel: what a learner sees when a benchmark cell is
wrong, before any benchmark runs (the notebooks test covers the runs themselves)."""
import glob
import os
import threading
import time
import unittest

from kernel_cells import KernelCellsTestCase

GOOD = """%%jmh
import org.openjdk.jmh.annotations.*;
@State(Scope.Thread)
public class Probe {
    @Benchmark public int one() { return 1; }
}
"""



def children_running(parent, words):
    """(pid, command line) of parent's child processes whose command line contains one of words,
    read from /proc (pgrep is not on a minimal machine)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue
        if ppid == parent and any(w in cmdline for w in words):
            found.append((int(pid), cmdline))
    return found

class CourseCellsTest(KernelCellsTestCase):
    # The interrupt test expects a fork by its sixth second: no other lane's run ahead in the queue.
    runs_alone = True

    def test_a_compile_error_points_at_the_line_and_column_of_the_cell(self):
        text = self.error_text("%%jmh\nimport org.openjdk.jmh.annotations.*;\n@State(Scope.Thread)\n"
                               "public class Broken {\n    @Benchmark public int one() { return missing; }\n}\n")
        self.assertIn("cell line 5, column 42: cannot find symbol", text)
        self.assertIn("    " + " " * 41 + "^", text)

    def test_a_class_only_the_kernel_has_is_a_compile_error_in_the_cell(self):
        # The kernel's own jars (its ZeroMQ, say) are not on a fork's class path: the cell is
        # compiled against what its forks can load, so the learner hears of it at its line.
        text = self.error_text("%%jmh\nimport org.openjdk.jmh.annotations.*;\nimport org.zeromq.ZMQ;\n"
                               "@State(Scope.Thread)\npublic class Socket {\n"
                               "    @Benchmark public int one() { return ZMQ.REQ; }\n}\n")
        self.assertIn("cell line 3, column", text)
        self.assertIn("package org.zeromq does not exist", text)

    def test_a_class_without_benchmarks_is_refused_clearly(self):
        text = self.error_text("%%jmh\npublic class Plain { public int one() { return 1; } }\n")
        self.assertIn("benchmark class Plain has no @Benchmark method", text)

    def test_bad_magic_arguments_are_refused_clearly(self):
        self.assertIn("%%jmh takes no arguments; found '--fast'", self.error_text("%%jmh --fast\n" + GOOD[6:]))

    def test_later_cells_name_the_class_and_a_rerun_replaces_it(self):
        reply, outputs = self.run_cell(GOOD)
        self.assertEqual("ok", reply["status"], outputs)
        shown = [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"]
        self.assertEqual(["Compiled Probe: 1 benchmark (one)"], shown)
        reply, outputs = self.run_cell(GOOD.replace("public int one() { return 1; }",
                                                    "public int two() { return 2; }"))
        self.assertEqual("ok", reply["status"], outputs)
        reply, outputs = self.run_cell("new Probe().two() + bench(Probe.class).methods(\"two\").toString().length() * 0")
        self.assertEqual("ok", reply["status"], outputs)
        self.assertEqual(["2"], [c["data"]["text/plain"] for t, c in outputs if t == "execute_result"])

    def test_an_interrupt_stops_a_benchmark_run_and_its_forked_jvms(self):
        reply, outputs = self.run_cell(GOOD.replace("Probe", "Slow"))
        self.assertEqual("ok", reply["status"], outputs)
        kernel = self.km.provisioner.process.pid
        forks_seen = []

        def interrupt():
            forks_seen.extend(pid for pid, _ in children_running(kernel, ("ForkedMain",)))
            self.km.interrupt_kernel()
        threading.Timer(6, interrupt).start()
        started = time.monotonic()
        reply, outputs = self.run_cell("bench(Slow.class).profile(THOROUGH).run()")
        took = time.monotonic() - started
        self.assertEqual("error", reply["status"])
        self.assertLess(took, 15, "the thorough run takes over 20 s; the interrupt should end it at about 6 s")
        time.sleep(1)
        # Only this kernel's children: other JMH runs on the machine are not this test's business.
        forks = children_running(kernel, ("cells.jmh_generated", "ForkedMain"))
        self.assertEqual([], forks, "forked JVMs outlived the interrupted cell")
        # A killed JVM leaves its compiler threads' logs in the temp folder; the run removes them.
        self.assertTrue(forks_seen, "the run had forked a JVM when it was interrupted")
        left = [f for pid in forks_seen for f in glob.glob(f"/tmp/hs_c*_pid{pid}.log")]
        self.assertEqual([], left)
        reply, outputs = self.run_cell("1 + 1")
        self.assertEqual("ok", reply["status"], outputs)

    def test_a_class_no_cell_compiled_is_named_in_the_error(self):
        self.assertIn("Nowhere was not compiled by a %%jmh cell", self.error_text('bench("Nowhere")'))

    def test_a_class_without_benchmarks_beside_them_is_named_as_such(self):
        reply, outputs = self.run_cell(GOOD.replace("Probe", "Holder") + "record Spot(int x, int y) {}\n")
        self.assertEqual("ok", reply["status"], outputs)
        text = self.error_text("bench(Spot.class).run()")
        self.assertIn("Spot has no @Benchmark method (the %%jmh cell of Holder declares it beside its benchmarks); "
                      "the benchmark classes compiled so far are ", text)

    def test_both_builders_check_their_words_at_once(self):
        reply, outputs = self.run_cell(GOOD)
        self.assertEqual("ok", reply["status"], outputs)
        for builder in ("bench", "escapes"):
            text = self.error_text(builder + '(Probe.class).methods("nope")')
            self.assertIn("no @Benchmark method nope in Probe (its benchmarks: one)", text)
            self.assertIn("pass a profile: QUICK for workshops, THOROUGH for claims about time",
                          self.error_text(builder + "(Probe.class).profile(null)"))

    def test_a_benchmark_that_throws_names_its_exception_and_cell_line(self):
        reply, outputs = self.run_cell("%%jmh\nimport org.openjdk.jmh.annotations.*;\n@State(Scope.Thread)\n"
                                       "public class Boom {\n    int x;\n    @Benchmark public int boom() {\n"
                                       "        if (x == 0) throw new IllegalStateException(\"boom in benchmark\");\n"
                                       "        return x;\n    }\n}\n")
        self.assertEqual("ok", reply["status"], outputs)
        text = self.error_text("bench(Boom.class).run()")
        self.assertIn("Boom.boom threw java.lang.IllegalStateException: boom in benchmark", text)
        self.assertIn("at line 7 of the %%jmh cell of Boom: "
                      "if (x == 0) throw new IllegalStateException(\"boom in benchmark\");", text)
        self.assertTrue(text.startswith("escapelab.notebook.Mistake: Boom.boom threw") or text.startswith("Boom.boom"),
                        "the learner's exception comes first, not JMH's: " + text)

    def test_the_vm_wraps_between_words(self):
        reply, outputs = self.run_cell("vm()")
        self.assertEqual("ok", reply["status"], outputs)
        html = [c["data"]["text/html"] for t, c in outputs if t == "execute_result"][0]
        self.assertIn("overflow-wrap:anywhere", html)
        self.assertIn("-byte alignment", html)

    def test_a_missing_saved_notebook_is_named_in_the_error(self):
        text = self.error_text('submit("no-such-notebook")')
        self.assertIn("no-such-notebook.ipynb not found; save it first", text)


if __name__ == "__main__":
    unittest.main()
