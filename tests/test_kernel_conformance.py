"""Runs Jupyter's own kernel test suite (jupyter_kernel_test) against the Java kernel, with a
sample for every feature it checks, plus inspection and history cases the suite leaves out.

    /usr/bin/python3 tests/run.py test_kernel_conformance.py
"""

import os
import unittest

import jupyter_kernel_test
from jupyter_kernel_test.msgspec_v5 import validate_message

from kernel_messages import start_kernel

KERNEL_NAME = os.environ.get("ESCAPELAB_KERNEL", "java")
TIMEOUT = 30


class JavaKernelConformanceTest(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL_NAME
    language_name = "java"
    file_extension = ".java"

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel(cls.kernel_name, 60)  # the suite's own start, on new ports if need be

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something went wrong");'
    code_generate_error = 'throw new IllegalStateException("expected failure");'
    code_page_something = "Math.max?"
    code_clear_output = "clearOutput();"
    code_inspect_sample = "Math.max"

    completion_samples = [
        {"text": "Math.ab", "matches": {"abs(", "absExact("}},
        {"text": "String.valueO", "matches": {"valueOf("}},
    ]
    complete_code_samples = ["int a = 1;", "System.out.println(1);", "class Point { int x; }", "1 + 2"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int b = (1 +", "class Open {"]
    invalid_code_samples = ["}", "int c = );", "int x = 1; }"]

    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": '"escape".length()', "result": "6"},
        {"code": "new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB)",
         "mime": "image/png"},
    ]
    code_display_data = [
        {"code": "String imageId = display(new java.awt.image.BufferedImage(4, 4, "
                 "java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
        {"code": "String htmlId = display((escapelab.notebook.MimeBundle) () -> "
                 'escapelab.notebook.MimeBundle.htmlAndText("<b>bold</b>", "bold"));',
         "mime": "text/html"},
    ]
    code_history_pattern = "6?7"
    supported_history_operations = ("tail", "range", "search")

    # -- beyond the suite ------------------------------------------------------------------------

    def run_ok(self, code):
        self.flush_channels()
        reply, _ = self.execute_helper(code)
        self.assertEqual("ok", reply["content"]["status"])

    def inspect(self, code, cursor_pos=None):
        self.flush_channels()
        msg_id = self.kc.inspect(code, len(code) if cursor_pos is None else cursor_pos)
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        validate_message(reply, "inspect_reply", msg_id)
        return reply["content"]

    def history(self, output=False, **request):
        self.flush_channels()
        msg_id = self.kc.history(raw=True, output=output, **request)
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        validate_message(reply, "history_reply", msg_id)
        return reply["content"]["history"]

    def test_inspect_jdk_type_and_member_gives_signature_and_documentation(self):
        # The JDK's javadoc comes from its src.zip (Debian's openjdk-17-source, installed by set-up).
        reply = self.inspect("String")
        self.assertTrue(reply["found"])
        self.assertIn("java.lang.String", reply["data"]["text/plain"])
        self.assertIn("class represents character strings", reply["data"]["text/plain"])
        reply = self.inspect("int m = Math.max(1, 2);", len("int m = Math.ma"))
        self.assertIn("int Math.max(int a, int b)\nReturns the greater of two `int` values.",
                      reply["data"]["text/plain"])

    def test_inspect_after_an_open_parenthesis_documents_the_call_rendered(self):
        for code in ("Math.max(", "int m = Math.max(1, "):
            reply = self.inspect(code)
            self.assertTrue(reply["found"], code)
            plain, markdown = reply["data"]["text/plain"], reply["data"]["text/markdown"]
            self.assertIn("int Math.max(int a, int b)\nReturns the greater of two `int` values.", plain)
            self.assertIn("the value of `Integer.MAX_VALUE`", markdown)
            self.assertIn("**Parameters:**\n- `a`: an argument.", markdown)
            for raw in ("{@code", "{@link", "@param", "@return"):
                self.assertNotIn(raw, plain + markdown)

    def test_inspect_the_courses_functions_shows_their_javadoc(self):
        # The course's javadoc comes from its sources (lib/course/src/main/java), JShell reading only the JDK's.
        reply = self.inspect("var run = bench(")
        self.assertTrue(reply["found"])
        self.assertIn("escapelab.Course.bench(Class<?>... classes)\nA JMH run of `%%jmh` cells' benchmark classes: "
                      "`bench(FirstEscape.class).run()`.", reply["data"]["text/plain"])
        reply = self.inspect("analysisCheck")
        self.assertIn("two sentences of the learner's own", reply["data"]["text/plain"])
        self.assertNotIn("{@", reply["data"]["text/plain"] + reply["data"]["text/markdown"])

    def test_inspect_learner_names_gives_declaration_and_doc_comment(self):
        self.run_ok("/** Adds one to x. */\nint plusOne(int x) { return x + 1; }")
        self.run_ok("double rate = 0.25;")
        reply = self.inspect("plusOne")
        self.assertTrue(reply["found"])
        self.assertEqual("/** Adds one to x. */\nint plusOne(int x)", reply["data"]["text/plain"])
        self.assertEqual("double rate = 0.25", self.inspect("rate")["data"]["text/plain"])

    def test_inspect_unknown_name_is_not_found(self):
        reply = self.inspect("noSuchNameAnywhere")
        self.assertEqual("ok", reply["status"])
        self.assertFalse(reply["found"])

    def test_history_search_globs_and_range_bounds(self):
        self.run_ok("int globbedA = 1;")
        self.run_ok("int globbedB = 2;")
        found = self.history(hist_access_type="search", pattern="int globbed?*")
        self.assertEqual(["int globbedA = 1;", "int globbedB = 2;"], [h[2] for h in found])
        self.assertEqual(["int globbedB = 2;"], [h[2] for h in self.history(hist_access_type="search",
                                                                            pattern="*globbed[B]*")])
        session, first = found[0][0], found[0][1]
        both = self.history(hist_access_type="range", session=session, start=first, stop=first + 2)
        self.assertEqual([first, first + 1], [h[1] for h in both])

    def test_history_with_output_pairs_input_and_result(self):
        self.run_ok("40 + 2")
        [entry] = self.history(hist_access_type="tail", n=1, output=True)
        self.assertEqual(["40 + 2", "42"], entry[2])

if __name__ == "__main__":
    unittest.main()
