"""Checks the Java kernel over the Jupyter messaging protocol.

The kernel is started through jupyter_client with the installed kernelspec named ``java``:

    /usr/bin/python3 tests/run.py test_kernel_protocol.py

All tests share one kernel, as the cells of a notebook do. The environment variable
``ESCAPELAB_KERNEL`` names another kernelspec to test instead (one with
``interrupt_mode: signal``, say).
"""

import base64
import datetime
import os
import time
import unittest
from dataclasses import dataclass, field


from kernel_messages import collect_cell, start_kernel, stop_kernel

KERNEL_NAME = os.environ.get("ESCAPELAB_KERNEL", "java")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
STARTUP_TIMEOUT = 120
CELL_TIMEOUT = 60


@dataclass
class Output:
    """An iopub message of a cell, with the (monotonic) time it reached the client."""

    arrived: float
    msg_type: str
    content: dict


@dataclass
class Execution:
    """What a cell sent back: its execute_reply and its outputs, in order."""

    reply: dict
    reply_arrived: float
    outputs: list = field(default_factory=list)

    def of_type(self, msg_type):
        return [o for o in self.outputs if o.msg_type == msg_type]

    def stdout(self):
        return "".join(o.content["text"] for o in self.of_type("stream") if o.content["name"] == "stdout")

    def only(self, msg_type):
        found = self.of_type(msg_type)
        if len(found) != 1:
            raise AssertionError(f"expected one {msg_type}, got {[o.msg_type for o in self.outputs]}")
        return found[0].content


class KernelProtocolTest(unittest.TestCase):
    km = None
    kc = None

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel(KERNEL_NAME, STARTUP_TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    # -- helpers ---------------------------------------------------------------------------------

    def send(self, code):
        return self.kc.execute(code)

    def collect(self, msg_id, timeout=CELL_TIMEOUT):
        """Reads a cell's iopub messages and its reply, timing when each reaches the client."""
        reply, arrived, outputs = collect_cell(self.kc, msg_id, timeout)
        return Execution(reply, arrived, [Output(t, m["msg_type"], m["content"]) for t, m in outputs])

    def run_cell(self, code, timeout=CELL_TIMEOUT):
        return self.collect(self.send(code), timeout)

    def run_ok(self, code):
        execution = self.run_cell(code)
        errors = execution.of_type("error")
        self.assertEqual("ok", execution.reply["status"], errors[0].content["traceback"] if errors else execution.reply)
        return execution

    def run_error(self, code):
        execution = self.run_cell(code)
        self.assertEqual("error", execution.reply["status"])
        return execution.only("error")

    def reply_to(self, msg_id):
        """The content of the shell reply to a request already sent."""
        deadline = time.monotonic() + CELL_TIMEOUT
        while time.monotonic() < deadline:
            msg = self.kc.get_shell_msg(timeout=CELL_TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg["content"]
        self.fail("no reply")

    # -- tests -----------------------------------------------------------------------------------

    def test_kernel_info(self):
        reply = self.reply_to(self.kc.kernel_info())
        self.assertEqual("ok", reply["status"])
        info = reply["language_info"]
        self.assertEqual("java", info["name"])
        self.assertEqual(".java", info["file_extension"])
        self.assertEqual("text/x-java-source", info["mimetype"])
        self.assertEqual("text/x-java", info["codemirror_mode"])
        self.assertRegex(info["version"], r"^\d+")

    def test_messages_are_dated_to_the_microsecond(self):
        # jupyter_client turns a header date it can parse into a datetime; front ends time cells
        # from these dates, so each must be precise and in order.
        sent = datetime.datetime.now(datetime.timezone.utc)
        msg_id = self.send('Thread.sleep(20);\n1 + 1')
        dates = {}
        while "idle" not in dates:
            msg = self.kc.get_iopub_msg(timeout=CELL_TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id:
                kind = msg["content"]["execution_state"] if msg["msg_type"] == "status" else msg["msg_type"]
                dates[kind] = msg["header"]["date"]
        reply = self.reply_to(msg_id)
        self.assertEqual("ok", reply["status"])
        for kind, date in dates.items():
            self.assertIsInstance(date, datetime.datetime, f"{kind}: {date!r}")
        self.assertEqual(["busy", "execute_input", "execute_result", "idle"], sorted(dates, key=dates.get))
        self.assertGreaterEqual(dates["busy"], sent - datetime.timedelta(seconds=1))
        self.assertGreaterEqual(dates["execute_result"] - dates["execute_input"], datetime.timedelta(milliseconds=20))

    def test_expression_gives_execute_result(self):
        execution = self.run_ok("1 + 1")
        self.assertEqual("2", execution.only("execute_result")["data"]["text/plain"])

    def test_statement_gives_no_result(self):
        execution = self.run_ok("int unusedByOthers = 3;")
        self.assertEqual([], execution.of_type("execute_result"))

    def test_println_streams_to_stdout(self):
        execution = self.run_ok('System.out.println("hello from java");')
        self.assertEqual("hello from java\n", execution.stdout())
        self.assertEqual([], execution.of_type("execute_result"))

    def test_output_streams_live_while_the_cell_runs(self):
        execution = self.run_ok('System.out.println("before");\nThread.sleep(3000);\nSystem.out.println("after");')
        streams = execution.of_type("stream")
        self.assertEqual("before\nafter\n", execution.stdout())
        self.assertIn("before", streams[0].content["text"])
        self.assertGreater(execution.reply_arrived - streams[0].arrived, 2.0)

    def test_output_of_other_threads_streams_live(self):
        execution = self.run_ok(
            'Thread t = new Thread(() -> System.out.println("from a thread"));\n'
            "t.start(); t.join();\n"
            "Thread.sleep(2500);")
        self.assertEqual("from a thread\n", execution.stdout())
        self.assertGreater(execution.reply_arrived - execution.of_type("stream")[0].arrived, 1.5)

    def test_exception_is_an_error_and_the_session_survives(self):
        self.run_ok("int keptValue = 41;")
        error = self.run_error('String s = "x";\nthrow new IllegalStateException("boom");')
        self.assertEqual("java.lang.IllegalStateException", error["ename"])
        self.assertEqual("boom", error["evalue"])
        self.assertEqual("java.lang.IllegalStateException: boom", error["traceback"][0])
        self.assertIn("    at cell line 2", error["traceback"])
        self.assertFalse(any("jdk.jshell" in line or "escapelab.kernel" in line for line in error["traceback"]))
        execution = self.run_ok("keptValue + 1")
        self.assertEqual("42", execution.only("execute_result")["data"]["text/plain"])

    def test_cells_queued_behind_a_failing_one_are_aborted(self):
        failing = self.kc.execute('Thread.sleep(300); throw new IllegalStateException("stop here");')
        skipped = self.kc.execute("int ranAfterTheError = 1;")
        also_skipped = self.kc.execute("2 + 2")
        self.assertEqual("error", self.reply_to(failing)["status"])
        self.assertEqual("aborted", self.reply_to(skipped)["status"])
        self.assertEqual("aborted", self.reply_to(also_skipped)["status"])
        # The queue is empty again: the next cell runs, and the aborted one never did.
        self.assertIn("cannot find symbol", "\n".join(self.run_error("ranAfterTheError")["traceback"]))

    def test_a_cell_sent_on_seeing_the_last_aborted_reply_runs(self):
        # The kernel reads everything queued before it answers any of it, so a client that sends
        # its next cell the moment the last aborted reply arrives gets that cell run.
        for attempt in range(10):
            failing = self.kc.execute('Thread.sleep(100); throw new IllegalStateException("stop");')
            skipped = [self.kc.execute(str(n)) for n in range(3)]
            self.assertEqual("error", self.reply_to(failing)["status"])
            for msg_id in skipped:
                self.assertEqual("aborted", self.reply_to(msg_id)["status"])
            self.assertEqual(str(attempt), self.run_ok(str(attempt)).only("execute_result")["data"]["text/plain"])

    def test_a_cell_sent_once_the_failing_one_is_idle_runs(self):
        # Only what was queued while the failing cell ran is aborted, never a later cell: the
        # front end sends the next cell as soon as it sees the failing one's reply and idle, so
        # the kernel aborts the queue before it says idle. (When it did so after, a loaded
        # machine could preempt it in between; that race is too rare to provoke here at will.)
        for attempt in range(20):
            self.run_error('throw new IllegalStateException("attempt ' + str(attempt) + '");')
            self.assertEqual(str(attempt), self.run_ok(str(attempt)).only("execute_result")["data"]["text/plain"])

    def test_without_stop_on_error_queued_cells_still_run(self):
        failing = self.kc.execute('Thread.sleep(300); throw new IllegalStateException("go on");', stop_on_error=False)
        after = self.kc.execute("int ranDespiteTheError = 7;")
        self.assertEqual("error", self.reply_to(failing)["status"])
        self.assertEqual("ok", self.reply_to(after)["status"])
        self.assertEqual("7", self.run_ok("ranDespiteTheError").only("execute_result")["data"]["text/plain"])

    def test_compile_error_names_cell_line_and_column(self):
        error = self.run_error("int a = 1;\nint b = a +\n    undefinedName;")
        traceback = error["traceback"]
        self.assertEqual("CompilationException", error["ename"])
        self.assertEqual("cell line 3, column 5: cannot find symbol", traceback[0])
        self.assertEqual("        undefinedName;", traceback[-2])
        self.assertEqual("        ^", traceback[-1])
        self.run_ok("int afterCompileError = 1;")

    def test_buffered_image_is_png(self):
        execution = self.run_ok(
            "var image = new java.awt.image.BufferedImage(20, 10, java.awt.image.BufferedImage.TYPE_INT_RGB);\n"
            "image")
        data = execution.only("execute_result")["data"]
        self.assertTrue(base64.b64decode(data["image/png"]).startswith(PNG_MAGIC))
        self.assertIn("text/plain", data)

    def test_xchart_is_png(self):
        execution = self.run_ok(
            "var chart = new org.knowm.xchart.XYChartBuilder().width(300).height(200).title(\"t\").build();\n"
            "chart.addSeries(\"s\", new double[] {1, 2}, new double[] {3, 4});\n"
            "chart")
        data = execution.only("execute_result")["data"]
        self.assertTrue(base64.b64decode(data["image/png"]).startswith(PNG_MAGIC))

    def test_tablesaw_table_is_html(self):
        execution = self.run_ok(
            'tech.tablesaw.api.Table.create("scores", tech.tablesaw.api.IntColumn.create("n", 1, 2, 3))')
        data = execution.only("execute_result")["data"]
        self.assertIn("<table", data["text/html"])
        self.assertIn("<th>n</th>", data["text/html"])
        self.assertIn("scores", data["text/plain"])

    def test_display_then_update_display(self):
        execution = self.run_ok('String shown = display("first");\nupdateDisplay(shown, "second");')
        kinds = [o.msg_type for o in execution.outputs]
        self.assertEqual(["display_data", "update_display_data"], kinds)
        shown, updated = execution.outputs[0].content, execution.outputs[1].content
        display_id = shown["transient"]["display_id"]
        self.assertTrue(display_id)
        self.assertEqual(display_id, updated["transient"]["display_id"])
        self.assertEqual("first", shown["data"]["text/plain"])
        self.assertEqual("second", updated["data"]["text/plain"])

    def test_display_from_another_thread_of_the_cell(self):
        execution = self.run_ok(
            'Thread painter = new Thread(() -> display("painted"));\n'
            "painter.start(); painter.join();")
        self.assertEqual("painted", execution.only("display_data")["data"]["text/plain"])

    def test_unknown_cell_magic_lists_known_ones(self):
        error = self.run_error("%%nosuchmagic some args\nbody")
        self.assertEqual("Unknown cell magic %%nosuchmagic.", error["traceback"][0])
        self.assertIn("Line magics: %jars, %classpath, %maven, %load", error["traceback"])
        self.assertTrue(any(line.startswith("Cell magics:") for line in error["traceback"]))

    def test_registered_cell_magic_runs_on_the_cell(self):
        self.run_ok('escapelab.notebook.Notebook.registerCellMagic("shoutTest", cell ->\n'
                    '    cell.args() + ":" + cell.bodyLine() + ":" + cell.body().toUpperCase());')
        execution = self.run_ok("%%shoutTest loud\nhello\nworld")
        self.assertEqual("loud:2:HELLO\nWORLD", execution.only("execute_result")["data"]["text/plain"])
        self.run_ok('escapelab.notebook.Notebook.registerCellMagic("failTest", cell -> {\n'
                    '    throw new IllegalArgumentException("no benchmark in this cell"); });')
        error = self.run_error("%%failTest\nbody")
        self.assertEqual("no benchmark in this cell", error["evalue"])
        self.assertEqual(["%%failTest: no benchmark in this cell"], error["traceback"])
        error = self.run_error("%%nosuchmagic")
        self.assertIn("%%shoutTest", next(line for line in error["traceback"] if line.startswith("Cell magics:")))

    def test_line_magics_report_bad_arguments(self):
        error = self.run_error("%jars")
        self.assertIn("%jars needs at least one argument", error["evalue"])
        error = self.run_error("%classpath /no/such/folder/anywhere")
        self.assertEqual("%classpath: no such file or folder: /no/such/folder/anywhere", error["evalue"])

    def test_interrupt_stops_a_busy_loop(self):
        msg_id = self.send("while (true) {}")
        time.sleep(1.5)
        interrupted_at = time.monotonic()
        self.km.interrupt_kernel()
        execution = self.collect(msg_id, timeout=15)
        self.assertLess(execution.reply_arrived - interrupted_at, 5.0)
        self.assertEqual("error", execution.reply["status"])
        self.assertEqual("Interrupted", execution.only("error")["ename"])
        self.assertEqual("3", self.run_ok("1 + 2").only("execute_result")["data"]["text/plain"])

    def test_complete_and_is_complete(self):
        code = 'String word = "x";\nword.toUpperC'
        reply = self.reply_to(self.kc.complete(code, len(code)))
        self.assertEqual("ok", reply["status"])
        self.assertIn("toUpperCase(", reply["matches"])
        self.assertEqual(len(code) - len("toUpperC"), reply["cursor_start"])
        reply = self.reply_to(self.kc.is_complete("for (int i = 0; i < 3; i++) {"))
        self.assertEqual("incomplete", reply["status"])
        reply = self.reply_to(self.kc.is_complete("int done = 1;"))
        self.assertEqual("complete", reply["status"])
        reply = self.reply_to(self.kc.is_complete("int 3x = 4;"))
        self.assertEqual("invalid", reply["status"])

    def test_a_cell_magics_compile_error_reads_as_the_kernels_own(self):
        self.run_ok('escapelab.notebook.Notebook.registerCellMagic("compileTest", cell -> {\n'
                    '    throw new escapelab.notebook.SourceCompileException("Broken", java.util.List.of(\n'
                    '        escapelab.notebook.SourceProblem.inCell(cell.bodyLine() + 1, 9, "\';\' expected", "int x = 1")));\n'
                    '});')
        error = self.run_error("%%compileTest\nclass Broken {\nint x = 1\n}")
        self.assertEqual("CompilationException", error["ename"])
        self.assertEqual(["cell line 3, column 9: ';' expected", "    int x = 1", "            ^"], error["traceback"])

    def test_a_learners_mistake_shows_its_message_and_cell_lines_only(self):
        error = self.run_error('int before = 1;\n'
                               'java.util.List.of(1).forEach(x -> {\n'
                               '    throw new escapelab.notebook.Mistake("1 is not a benchmark: pass one."); });')
        self.assertEqual("escapelab.notebook.Mistake", error["ename"])
        self.assertEqual("1 is not a benchmark: pass one.", error["evalue"])
        self.assertEqual("escapelab.notebook.Mistake: 1 is not a benchmark: pass one.", error["traceback"][0])
        self.assertEqual("    at cell line 2", error["traceback"][-1])
        self.assertFalse(any("java.util" in line for line in error["traceback"]), error["traceback"])
        self.run_ok('escapelab.notebook.Notebook.registerCellMagic("mistakeTest", cell -> {\n'
                    '    throw new escapelab.notebook.Mistake("say what to do"); });')
        error = self.run_error("\n%%mistakeTest\nbody")
        self.assertEqual(["escapelab.notebook.Mistake: say what to do", "    at %%mistakeTest (cell line 2)"],
                         error["traceback"])

    def test_an_expression_merging_a_cells_class_with_a_string_shows_its_value(self):
        self.run_ok("record Spot(int x) {}\nSpot spot = new Spot(1);")
        execution = self.run_ok('spot != null ? spot : "none"')
        self.assertEqual("Spot[x=1]", execution.only("execute_result")["data"]["text/plain"])


if __name__ == "__main__":
    unittest.main()
