"""Notebook 06's checks follow the measurement: a typed int accessor that returns an Object boxes
after all, and turns red."""
import re
import unittest

from lesson_edits import assert_turns_red


class Notebook06Test(unittest.TestCase):

    def test_notebook_06_turns_red_when_the_typed_int_accessor_returns_an_object(self):
        # The learner's edit: typedInt returns Object, so javac boxes the int getter's value.
        shown, found = assert_turns_red(self, "06-reflection", r"public int typedInt\(\)",
                                        "public Object typedInt()", {
            "the typed int accessor allocates nothing",
            "the escape report finds no allocation site in typedInt"})
        self.assertGreaterEqual(len(found), 11)
        # typedInt now allocates one Integer per call: the bytes JOL gives an Integer here.
        integer = re.search(r"Here an `Integer` is (\d+) bytes", shown)
        measured = re.search(r"measured ([0-9.]+) B/op", found["the typed int accessor allocates nothing"][1])
        self.assertEqual(float(integer.group(1)), float(measured.group(1)))
        self.assertIn("box Integer: stays on the heap in typedInt",
                      found["the escape report finds no allocation site in typedInt"][1])

    def test_notebook_06_turns_red_when_invoke_int_reads_the_getter_directly_but_still_returns_an_object(self):
        # The edit: invokeInt calls the getter itself; its Object return still boxes. One Integer,
        # no varargs array: half the bytes the lesson claims for Method.invoke on JDK 17.
        array = "the report finds javac's varargs new Object[0] in invokeInt"
        plus = "invokeInt's bytes are its Integer plus the array (on the heap on JDK 17, else where the report keeps it)"
        shown, found = assert_turns_red(self, "06-reflection", r"return GET_COUNT\.invoke\(bean\);",
                                        "return bean.getCount();", {array, plus})
        integer = re.search(r"Here an `Integer` is (\d+) bytes", shown)
        measured = re.search(r"measured ([0-9.]+) B/op", found[plus][1])
        self.assertEqual(float(integer.group(1)), float(measured.group(1)), found[plus][1])
        self.assertEqual("PASS", found["Method.invoke of the int getter allocates at least one Integer"][0])


if __name__ == "__main__":
    unittest.main()
