package escapelab.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0          | 0             | 0",
        "0.0001     | ≈0            | 0",
        "-0.0002    | ≈0            | 0",
        "0.001      | 0.001         | 0.001",
        "0.012345   | 0.0123        | 0.0123",
        "1.23456    | 1.23          | 1.23",
        "2.675      | 2.68          | 2.68",
        "16         | 16            | 16",
        "15.96      | 16            | 16",
        "-2.5       | -2.5          | -2.5",
        "99.96      | 100           | 100",
        "123.6      | 124           | 124",
        "1234.5     | 1235          | 1235",
        "1048576    | 1048576       | 1048576",
        "1.0E12     | 1000000000000 | 1.0E12",
    })
    void numbersReadForPeopleAndTablesHoldWhatTheyRead(double value, String formatted, double rounded) {
        assertEquals(formatted, Numbers.format(value));
        assertEquals(rounded, Numbers.round(value));
    }

    @Test
    void unitsFollowTheNumber() {
        assertEquals("0 B/op", Numbers.quantity(0, "B/op"));
        assertEquals("12%", Numbers.quantity(12, "%"));
        assertEquals("3.5", Numbers.quantity(3.5, ""));
        assertEquals("n/a ns/op", Numbers.quantity(Double.NaN, "ns/op"));
        assertEquals(Double.NaN, Numbers.round(Double.NaN));
    }

    @Test
    void countsAndBytesReadForPeople() {
        assertEquals("1,048,648", Numbers.count(1_048_648));
        assertEquals("120 B", Numbers.bytes(120));
        assertEquals("1.0 MiB", Numbers.bytes(1_048_648));
        assertEquals("2.5 KiB", Numbers.bytes(2560));
    }
}
