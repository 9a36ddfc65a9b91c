"""The course's cells through the `java` kernel: what a learner sees when a benchmark cell is
wrong, before any benchmark runs (the notebooks test covers the runs themselves)."""
import subprocess
import threading
import time
import unittest

from jupyter_client.manager import start_new_kernel

GOOD = """%%jmh
import org.openjdk.jmh.annotations.*;
@State(Scope.Thread)
public class Probe {
    @Benchmark public int one() { return 1; }
}
"""


class CourseCellsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name="java", startup_timeout=120)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def run_cell(self, code):
        outputs = []
        reply = self.kc.execute_interactive(code, timeout=120,
                                            output_hook=lambda m: outputs.append((m["msg_type"], m["content"])))
        return reply["content"], outputs

    def error_text(self, code):
        reply, outputs = self.run_cell(code)
        self.assertEqual("error", reply["status"], outputs)
        return "\n".join(reply["traceback"])

    def test_a_compile_error_points_at_the_line_and_column_of_the_cell(self):
        text = self.error_text("%%jmh\nimport org.openjdk.jmh.annotations.*;\n@State(Scope.Thread)\n"
                               "public class Broken {\n    @Benchmark public int one() { return missing; }\n}\n")
        self.assertIn("cell line 5, column 42: cannot find symbol", text)
        self.assertIn("    " + " " * 41 + "^", text)

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
        threading.Timer(6, self.km.interrupt_kernel).start()
        started = time.monotonic()
        reply, outputs = self.run_cell("bench(Slow.class).profile(THOROUGH).run()")
        took = time.monotonic() - started
        self.assertEqual("error", reply["status"])
        self.assertLess(took, 15, "the thorough run takes over 20 s; the interrupt should end it at about 6 s")
        time.sleep(1)
        forks = subprocess.run(["pgrep", "-f", "cells.jmh_generated|ForkedMain"], capture_output=True, text=True).stdout
        self.assertEqual("", forks.strip(), "forked JVMs outlived the interrupted cell")
        reply, outputs = self.run_cell("1 + 1")
        self.assertEqual("ok", reply["status"], outputs)

    def test_a_class_no_cell_compiled_is_named_in_the_error(self):
        self.assertIn("Nowhere was not compiled by a %%jmh cell", self.error_text('bench("Nowhere")'))

    def test_a_missing_saved_notebook_is_named_in_the_error(self):
        text = self.error_text('submit("no-such-notebook")')
        self.assertIn("no-such-notebook.ipynb not found; save it first", text)


if __name__ == "__main__":
    unittest.main()
