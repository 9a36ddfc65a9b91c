"""The kernel's own magics over the Jupyter protocol: %maven, %load and %%time.

    /usr/bin/python3 tests/run.py test_kernel_magics.py

%maven resolves an artifact that the build itself put in the local Maven repository (JUnit's
API, a test dependency, so not on the kernel's class path), so no download is needed.
"""

import os
import queue
import tempfile
import time
import unittest

from kernel_messages import start_kernel, stop_kernel

KERNEL_NAME = os.environ.get("ESCAPELAB_KERNEL", "java")
TIMEOUT = 120


class KernelMagicsTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        cls.km, cls.kc = start_kernel(KERNEL_NAME, TIMEOUT, cwd=cls.folder.name)

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)
        cls.folder.cleanup()

    def run_cell(self, code):
        """(reply content, stdout text, text/plain result or None, error content or None)."""
        msg_id = self.kc.execute(code)
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        stdout, result, error = "", None, None
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=1)
            except queue.Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream" and content["name"] == "stdout":
                stdout += content["text"]
            elif kind == "execute_result":
                result = content["data"]["text/plain"]
            elif kind == "error":
                error = content
            elif kind == "status" and content["execution_state"] == "idle":
                return reply["content"], stdout, result, error
        self.fail(f"no idle status for {code!r}")

    def test_time_prints_the_times_after_the_cells_output(self):
        reply, stdout, result, _ = self.run_cell('%%time\nSystem.out.println("ran");\n20 + 22')
        self.assertEqual("ok", reply["status"])
        self.assertEqual("42", result)
        self.assertRegex(stdout, r"^ran\nCPU times: total .+\nWall time: .+\n$")

    def test_time_with_arguments_is_a_clear_error(self):
        reply, _, _, error = self.run_cell("%%time 1 + 1")
        self.assertEqual("error", reply["status"])
        self.assertEqual("MagicError", error["ename"])
        self.assertIn("%%time takes no arguments", error["evalue"])

    def test_load_runs_a_file_relative_to_the_working_directory(self):
        with open(os.path.join(self.folder.name, "Square.java"), "w", encoding="utf-8") as file:
            file.write("int square(int n) { return n * n; }\nsquare(9)\n")
        reply, _, result, _ = self.run_cell("%load Square.java")
        self.assertEqual(("ok", "81"), (reply["status"], result))
        _, _, _, error = self.run_cell("%load Nowhere.java")
        self.assertEqual("%load: no such file: " + os.path.join(os.path.realpath(self.folder.name), "Nowhere.java"),
                         error["evalue"])

    def test_maven_adds_an_artifact_from_the_local_repository(self):
        reply, _, _, error = self.run_cell("%maven org.junit.jupiter:junit-jupiter-api:5.11.4")
        self.assertEqual("ok", reply["status"], error)
        _, _, result, _ = self.run_cell("org.junit.jupiter.api.Assertions.class.getSimpleName()")
        self.assertEqual("Assertions", result)

    def test_maven_bad_coordinates_are_clear_errors(self):
        _, _, _, error = self.run_cell("%maven junit")
        self.assertEqual("%maven: junit is not a coordinate group:artifact:version, "
                         "e.g. %maven org.openjdk.jol:jol-core:0.17.", error["evalue"])
        _, _, _, error = self.run_cell("%maven")
        self.assertIn("%maven needs at least one argument", error["evalue"])

    def test_unknown_magic_lists_all_of_the_kernels(self):
        _, _, _, error = self.run_cell("%mavne a:b:1")
        self.assertIn("Line magics: %jars, %classpath, %maven, %load", error["traceback"])
        self.assertTrue(any(line.startswith("Cell magics: %%time") for line in error["traceback"]))


if __name__ == "__main__":
    unittest.main()
