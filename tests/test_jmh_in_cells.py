"""JMH as its users know it, through the `java` kernel: a benchmark's own annotations honoured, a
nested benchmark class named as JMH names it, JMH's own words (threads, profilers), and a
learner's own Runner behaving like bench(...). Runs are kept short (one fork, a few hundred ms)."""
import unittest

from kernel_cells import KernelCellsTestCase

SHORT = ("new OptionsBuilder().include(\"cells.OwnRunner\").forks(1).warmupIterations(0)"
         ".measurementIterations(1).measurementTime(TimeValue.milliseconds(100)).build()")


class JmhInCellsTest(KernelCellsTestCase):

    def run_ok(self, code):
        reply, outputs = self.run_cell(code, timeout=180)
        self.assertEqual("ok", reply["status"], (code, outputs, reply))
        return outputs

    def value(self, code):
        shown = [c["data"]["text/plain"] for t, c in self.run_ok(code) if t == "execute_result"]
        self.assertEqual(1, len(shown), code)
        return shown[0]

    def test_a_benchmarks_own_fork_flags_turn_escape_analysis_off(self):
        self.run_ok("%%jmh\nimport org.openjdk.jmh.annotations.*;\n"
                      "@State(Scope.Thread)\n@Fork(jvmArgs = \"-XX:-DoEscapeAnalysis\")\n"
                      "public class NoEscapeAnalysis {\n    record P(int a, int b) {}\n    int x = 3;\n"
                      "    @Benchmark public int local() { P p = new P(x, x + 1); return p.a() + p.b(); }\n}\n")
        self.run_ok("var own = bench(NoEscapeAnalysis.class).run();")
        self.assertGreaterEqual(float(self.value('own.bytesPerOp("local")')), 16.0,
                                "the record is allocated with escape analysis off by @Fork")
        self.assertIn("@Fork(jvmArgs = [-XX:-DoEscapeAnalysis])", self.value("own.notes().toString()"))

    def test_what_the_profile_replaced_is_said_under_the_result(self):
        self.run_ok("%%jmh\nimport org.openjdk.jmh.annotations.*;\n"
                      "@State(Scope.Thread)\n@Fork(2)\n@Measurement(iterations = 7)\n"
                      "public class Annotated7 {\n    int x = 3;\n"
                      "    @Benchmark public int one() { return x; }\n}\n")
        outputs = self.run_ok("bench(Annotated7.class).run()")
        html = [c["data"]["text/html"] for t, c in outputs if t == "execute_result"][0]
        self.assertIn("replaced @Fork(2), @Measurement(iterations = 7) of Annotated7", html)
        self.assertIn(".profile(ANNOTATED)", html)

    def test_a_nested_benchmark_class_is_named_outer_dot_inner(self):
        self.run_ok("%%jmh\nimport org.openjdk.jmh.annotations.*;\n"
                      "public class Sample35 {\n    @State(Scope.Thread)\n    public static class Maps {\n"
                      "        int x = 3;\n        @Benchmark public int get() { return x; }\n    }\n}\n")
        self.assertEqual('Sample35.Maps.get',
                         self.value('bench(Sample35.Maps.class).run().result("get").benchmark()'))

    def test_threads_and_profilers_are_words_and_jmh_options_are_not_flags(self):
        self.run_ok("%%jmh\nimport org.openjdk.jmh.annotations.*;\n@State(Scope.Benchmark)\n"
                      "public class Threaded {\n    int x = 3;\n    @Benchmark public int one() { return x; }\n}\n")
        log = self.value('bench(Threaded.class).threads(2).profiler("stack").run().log().contains("2 threads")')
        self.assertEqual("true", log)
        self.assertIn("is an option of JMH's command line, not a JVM flag: add a profiler with .profiler(",
                      self.error_text('bench(Threaded.class).jvmArgs("-prof", "stack")'))

    def test_a_learners_own_runner_keeps_the_kernels_flags_out_of_its_forks(self):
        self.run_ok("%%jmh\nimport org.openjdk.jmh.annotations.*;\nimport org.openjdk.jmh.runner.Runner;\n"
                      "@State(Scope.Thread)\npublic class OwnRunner {\n    int x = 3;\n"
                      "    @Benchmark public int one() { return x; }\n}\n")
        flags = self.value("new Runner(" + SHORT + ").run().iterator().next().getParams().getJvmArgs().toString()")
        self.assertEqual('[]', flags, "a fork gets no flag of the kernel's own (its collector, its archive)")
        self.assertEqual('escapelab.bench.Runner', self.value("Runner.class.getName()"),
                         "the cell's import of JMH's Runner names the session's own")


if __name__ == "__main__":
    unittest.main()
