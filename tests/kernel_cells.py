"""What the tests that send cells to one `java` kernel share: the kernel for the test class, a
cell run with everything it showed, and the text of a cell's error."""
import unittest

from kernel_messages import start_kernel
from lanes import alone, beside_others


class KernelCellsTestCase(unittest.TestCase):
    """One kernel for all the tests of a class, shut down after them. The class runs beside the
    other lane's tests, or alone where it sets runs_alone (a test that times the kernel)."""

    runs_alone = False

    @classmethod
    def setUpClass(cls):
        cls.enterClassContext(alone() if cls.runs_alone else beside_others())
        cls.km, cls.kc = start_kernel("java", 120)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=True)

    def run_cell(self, code, timeout=120):
        """The execute reply's content and every output message, as (type, content)."""
        outputs = []
        reply = self.kc.execute_interactive(code, timeout=timeout,
                                            output_hook=lambda m: outputs.append((m["msg_type"], m["content"])))
        return reply["content"], outputs

    def error_text(self, code):
        reply, outputs = self.run_cell(code)
        self.assertEqual("error", reply["status"], outputs)
        return "\n".join(reply["traceback"])
