package org.mobilenetexplorer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.75|0.75", ".5|0.5", "1e-3|0.001", "+2|2.0", "4.0000000000000000|4.0",
    })
    void plainDecimalsADoubleHoldsAreTaken(String text, double expected) {
        assertNull(Decimals.problem(text));
        assertEquals(expected, Decimals.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "4.0000000000000001|more digits than a double holds (it would be read as 4.0)",
        "1e999|too large for a double",
        "1e-400|too small for a double (it would be read as 0)",
        "0x1p-1|not a decimal number",
        "0.5f|not a decimal number",
        "NaN|not a decimal number",
        "' 1'|not a decimal number",
        "1e00001|not a decimal number",
    })
    void everythingElseIsRefusedWithItsReason(String text, String problem) {
        assertEquals(problem, Decimals.problem(text));
        assertNull(Decimals.parse(text));
    }
}
