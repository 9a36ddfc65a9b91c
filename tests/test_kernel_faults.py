"""The kernel under faults and bad input: after each, the next cell runs and the learner's
earlier variables are intact.

    /usr/bin/python3 tests/run.py test_kernel_faults.py

The tests share one kernel, started with a small heap so that running out of memory is quick,
and with its stderr (the kernel's log) in a file the tests read.
"""

import ipaddress
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import unittest
from unittest import mock

from jupyter_client.connect import LocalPortCache, write_connection_file
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.session import Session

from kernel_messages import PORT_TAKEN, collect_cell, start_kernel, stop_kernel

KERNEL_NAME = os.environ.get("ESCAPELAB_KERNEL", "java")
HEAP = "512m"
STARTUP_TIMEOUT = 120
CELL_TIMEOUT = 60


# A %%jmh cell whose methods throw: the throw on cell line 12, the dereference on line 16.
THROWER = """%%jmh
import org.openjdk.jmh.annotations.*;

@State(Scope.Thread)
public class Thrower {
    @Benchmark
    public int half() {
        return half(-1);
    }

    static int half(int n) {
        if (n < 0) throw new IllegalArgumentException("negative");
        return n / 2;
    }
    static int len(String text) {
        return text.length();
    }
}"""


class KernelFaultsTest(unittest.TestCase):
    km = kc = log = None

    @classmethod
    def setUpClass(cls):
        cls.log = tempfile.NamedTemporaryFile(prefix="kernel-log-", suffix=".txt", delete=False)
        cls.km, cls.kc = start_kernel(KERNEL_NAME, STARTUP_TIMEOUT,
                                      env={**os.environ, "JDK_JAVA_OPTIONS": "-Xmx" + HEAP}, stderr=cls.log)

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)
        if cls.log is not None:
            cls.log.close()
            os.unlink(cls.log.name)

    def setUp(self):
        self.assertEqual("41", self.value("int kept = 41;\nkept"))

    def tearDown(self):
        self.assertEqual("41", self.value("kept"), "the learner's variable did not survive")

    # -- helpers ---------------------------------------------------------------------------------

    def collect(self, msg_id, timeout=CELL_TIMEOUT):
        """The cell's reply, when it arrived, and its iopub messages up to idle."""
        reply, arrived, outputs = collect_cell(self.kc, msg_id, timeout)
        return reply, arrived, [msg for _, msg in outputs]

    def run_cell(self, code, timeout=CELL_TIMEOUT):
        return self.collect(self.kc.execute(code), timeout)

    def value(self, code):
        reply, _, outputs = self.run_cell(code)
        self.assertEqual("ok", reply["status"], reply)
        results = [o["content"]["data"]["text/plain"] for o in outputs if o["msg_type"] == "execute_result"]
        self.assertEqual(1, len(results), outputs)
        return results[0]

    def error(self, code, timeout=CELL_TIMEOUT):
        reply, _, outputs = self.run_cell(code, timeout)
        self.assertEqual("error", reply["status"])
        errors = [o["content"] for o in outputs if o["msg_type"] == "error"]
        self.assertEqual(1, len(errors), outputs)
        return errors[0]

    def interrupt_after(self, code, delay=1.5):
        msg_id = self.kc.execute(code)
        time.sleep(delay)
        interrupted_at = time.monotonic()
        self.km.interrupt_kernel()
        reply, arrived, outputs = self.collect(msg_id, timeout=15)
        self.assertLess(arrived - interrupted_at, 2.0)
        self.assertEqual("error", reply["status"])
        self.assertEqual("Interrupted", reply["ename"])

    def used_heap_mb(self):
        return int(self.value("System.gc(); System.gc();\n"
                              "(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20"))

    # -- tests -----------------------------------------------------------------------------------

    def test_exception_names_the_cell_line_not_the_wrapper(self):
        error = self.error("int[] slots = new int[2];\nslots[5] = 1;")
        self.assertEqual("java.lang.ArrayIndexOutOfBoundsException", error["ename"])
        self.assertIn("    at cell line 2", error["traceback"])
        text = "\n".join(error["traceback"])
        for wrapper in ("REPL.", "$JShell", "jdk.jshell", "do_it$", "escapelab.kernel"):
            self.assertNotIn(wrapper, text)

    def test_null_pointer_names_the_learners_variable_not_the_wrapper(self):
        self.value('String absent = null;\n"declared"')
        error = self.error("absent.length()")
        self.assertEqual("java.lang.NullPointerException", error["ename"])
        self.assertEqual('Cannot invoke "String.length()" because "absent" is null', error["evalue"])
        self.assertNotIn("$JShell", "\n".join(error["traceback"]))
        self.value("record Cup(int ml) {}\nObject cup = new Cup(1);\n1")
        error = self.error("String text = (String) cup;")
        self.assertEqual("java.lang.ClassCastException", error["ename"])
        self.assertTrue(error["evalue"].startswith("class Cup cannot be cast to class java.lang.String"), error["evalue"])

    def test_a_method_of_a_jmh_cell_that_throws_names_that_cells_line(self):
        reply, _, _ = self.run_cell(THROWER)
        self.assertEqual("ok", reply["status"], reply)
        jmh_cell = reply["execution_count"]
        error = self.error("Thrower.half(-3)")
        self.assertEqual("java.lang.IllegalArgumentException", error["ename"])
        # Line 12 of the %%jmh cell holds the throw (line 11 declares the method).
        self.assertEqual(f"    at Thrower.half (cell [{jmh_cell}] line 12)", error["traceback"][1], error["traceback"])
        self.assertNotIn("declared source", "\n".join(error["traceback"]))
        error = self.error("Thrower.len(null)")
        self.assertEqual('Cannot invoke "String.length()" because "text" is null', error["evalue"])
        self.assertEqual(f"    at Thrower.len (cell [{jmh_cell}] line 16)", error["traceback"][1], error["traceback"])

    def test_a_null_parameter_of_a_cell_method_is_named(self):
        self.value("int length(String text) {\n    return text.length();\n}\n1")
        error = self.error("length(null)")
        self.assertEqual('Cannot invoke "String.length()" because "text" is null', error["evalue"])

    def test_a_benchmark_class_from_a_normal_cell_is_told_where_benchmarks_go(self):
        self.value("class NoBench {\n    public int one() { return 1; }\n}\n1")
        error = self.error("bench(NoBench.class)")
        self.assertIn("NoBench was declared in a normal cell", error["evalue"])
        self.assertIn("benchmark classes go in a %%jmh cell", error["evalue"])
        self.assertNotIn("Run the %%jmh cell that defines", error["evalue"])

    def test_compile_error_has_line_column_and_caret(self):
        error = self.error("int a = 1;\nString s = a;")
        self.assertEqual("CompilationException", error["ename"])
        self.assertTrue(error["traceback"][0].startswith("cell line 2, column 12: incompatible types"),
                        error["traceback"])
        self.assertEqual(["    String s = a;", "               ^"], error["traceback"][-2:])

    def test_interrupt_a_busy_loop_replies_within_two_seconds(self):
        self.interrupt_after("long spins = 0;\nwhile (true) { spins++; }")

    def test_interrupt_a_sleeping_cell_replies_within_two_seconds(self):
        self.interrupt_after("Thread.sleep(600_000);")

    def test_out_of_memory_gives_the_memory_back(self):
        error = self.error("{ var hog = new java.util.ArrayList<long[]>();\n"
                           "  while (true) hog.add(new long[1 << 20]); }")
        self.assertEqual("java.lang.OutOfMemoryError", error["ename"])
        # a third of the heap in one piece: only possible if the hog's memory is free again
        self.assertEqual("true", self.value("new long[(int) (Runtime.getRuntime().maxMemory() / 8 / 3)].length > 0"))

    def test_stack_overflow_is_reported_briefly(self):
        error = self.error("int depth(int n) { return depth(n + 1) + 1; }\ndepth(0)")
        self.assertEqual("java.lang.StackOverflowError", error["ename"])
        self.assertIn("    at depth (cell line 1)", error["traceback"])
        self.assertLess(len(error["traceback"]), 70)

    def test_system_exit_fails_the_cell_instead_of_ending_the_kernel(self):
        for call in ("System.exit(3);", "Runtime.getRuntime().exit(4);", "Runtime.getRuntime().halt(5);",
                     "java.util.function.IntConsumer quit = System::exit;\nquit.accept(6);"):
            with self.subTest(call=call):
                error = self.error(call)
                self.assertIn("would end the kernel", error["evalue"])
                self.assertEqual("41", self.value("kept"))
        self.assertTrue(self.km.is_alive())

    def test_ten_megabytes_of_output_are_truncated_with_a_note(self):
        started = time.monotonic()
        reply, _, outputs = self.run_cell('String line = "x".repeat(99);\n'
                                          "for (int i = 0; i < 100_000; i++) System.out.println(line);")
        self.assertEqual("ok", reply["status"])
        self.assertLess(time.monotonic() - started, 30)
        text = "".join(o["content"]["text"] for o in outputs if o["msg_type"] == "stream")
        self.assertLess(len(text), 1_100_000)
        self.assertIn("[output truncated", text)

    def test_two_hundred_cells_back_to_back(self):
        started = time.monotonic()
        msg_ids = [self.kc.execute(f"kept + {i}") for i in range(200)]
        for i, msg_id in enumerate(msg_ids):
            reply, _, outputs = self.collect(msg_id)
            self.assertEqual("ok", reply["status"])
            self.assertEqual(str(41 + i), outputs[-1]["content"]["data"]["text/plain"])
        self.assertLess(time.monotonic() - started, 60)

    def test_message_with_a_wrong_signature_is_dropped_and_logged(self):
        forger = Session(key=b"not-the-connection-key", username="intruder")
        forger.send(self.kc.shell_channel.socket, "execute_request",
                    {"code": "kept = 0;", "silent": False, "store_history": True, "user_expressions": {},
                     "allow_stdin": False, "stop_on_error": True})
        self.assertEqual("42", self.value("kept + 1"))
        with open(self.log.name, encoding="utf-8", errors="replace") as log:
            self.assertIn("signature does not match", log.read())

    def test_rerunning_a_cell_a_thousand_times_keeps_the_heap_bounded(self):
        cell = "byte[] ballast = new byte[4_000_000];"
        for msg_id in [self.kc.execute(cell) for _ in range(20)]:
            self.collect(msg_id)
        before = self.used_heap_mb()
        started = time.monotonic()
        for msg_id in [self.kc.execute(cell) for _ in range(1000)]:
            reply, _, _ = self.collect(msg_id)
            self.assertEqual("ok", reply["status"], reply)
        # JShell used to list all four million elements as the value's text on every run
        self.assertLess(time.monotonic() - started, 120)
        # each run replaces the last: what stays is JShell's record of a snippet, not a ballast
        self.assertLess(self.used_heap_mb() - before, 40)

    def test_listens_only_on_the_connection_files_address(self):
        with open(self.km.connection_file) as f:
            connection = json.load(f)
        ports = {connection[k] for k in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")}
        listening = listening_sockets(self.km.provisioner.process.pid)
        self.assertEqual(ports, {port for _, port in listening})
        self.assertEqual({connection["ip"]}, {address for address, _ in listening})


class TakenPortTest(unittest.TestCase):
    """The front end picks free ports and the kernel binds them a moment later: another process
    may take one between the two (jupyter_client's issue 487). The kernel then says which and ends,
    so that Jupyter's restarter starts it again (on the same ports: it keeps a kernel's ports), and
    the tests' own start starts a new kernel on new ports."""

    def setUp(self):
        self.held = socket.create_server(("127.0.0.1", 0))
        self.addCleanup(self.held.close)
        self.port = self.held.getsockname()[1]

    def test_a_kernel_whose_port_is_taken_names_it_and_ends(self):
        folder = tempfile.mkdtemp(prefix="taken-port-")
        self.addCleanup(shutil.rmtree, folder)
        connection, _ = write_connection_file(os.path.join(folder, "kernel.json"), shell_port=self.port)
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
        kernel = subprocess.run([a.replace("{connection_file}", connection) for a in spec.argv],
                                env={**os.environ, **spec.env}, capture_output=True, text=True,
                                timeout=STARTUP_TIMEOUT)
        self.assertEqual(PORT_TAKEN, kernel.returncode, kernel.stderr)
        self.assertIn(f"the shell port 127.0.0.1:{self.port} is taken by another process; the kernel ends",
                      kernel.stderr)

    def test_the_tests_start_a_new_kernel_on_new_ports(self):
        picks = []

        def first_the_held_port(cache, ip):
            picks.append(self.port if not picks else PICK(cache, ip))
            return picks[-1]

        with mock.patch.object(LocalPortCache, "find_available_port", autospec=True,
                               side_effect=first_the_held_port):
            km, kc = start_kernel(KERNEL_NAME, STARTUP_TIMEOUT)
        try:
            self.assertNotEqual(self.port, km.shell_port)
            self.assertEqual(10, len(picks), "two starts, five ports each")
            shown = []
            kc.execute_interactive("1 + 1", timeout=CELL_TIMEOUT, output_hook=shown.append)
            self.assertIn("2", [m["content"]["data"]["text/plain"] for m in shown if m["msg_type"] == "execute_result"])
        finally:
            stop_kernel(km, kc)


PICK = LocalPortCache.find_available_port


def listening_sockets(pid):
    """(address, port) of the TCP sockets process pid listens on, from /proc."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    found = set()
    for table in ("tcp", "tcp6"):
        with open(f"/proc/{pid}/net/{table}") as f:
            for row in f.readlines()[1:]:
                fields = row.split()
                local, state, inode = fields[1], fields[3], fields[9]
                if state == "0A" and inode in inodes:  # 0A: LISTEN
                    found.add(decode_address(local))
    return found


def decode_address(hex_address):
    """A /proc/net/tcp address: hex of the address's 32-bit words in host order, and the port."""
    address, port = hex_address.split(":")
    raw = b"".join(bytes.fromhex(address[i:i + 8])[::-1] for i in range(0, len(address), 8))
    ip = ipaddress.ip_address(raw)
    if ip.version == 6 and ip.ipv4_mapped:  # Java binds IPv4 addresses as IPv4-mapped IPv6
        ip = ip.ipv4_mapped
    return str(ip), int(port, 16)

if __name__ == "__main__":
    unittest.main()
