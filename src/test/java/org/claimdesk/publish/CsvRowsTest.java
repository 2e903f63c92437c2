package org.claimdesk.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void plainFieldsStayBareAndARowEndsWithCrlf() throws IOException {
        StringWriter out = new StringWriter();
        CsvRows.write(out, Arrays.asList("151", "Exports doubled", null, ""));
        assertEquals("151,Exports doubled,,\r\n", out.toString());
    }

    @Test
    void commasQuotesLineBreaksAndEdgeSpacesAreQuotedWithQuotesDoubled() {
        assertEquals("\"15,000 workers\"", CsvRows.field("15,000 workers"));
        assertEquals("\"He said \"\"no\"\"\"", CsvRows.field("He said \"no\""));
        assertEquals("\"two\r\nlines\"", CsvRows.field("two\r\nlines"));
        assertEquals("\"one\nline\"", CsvRows.field("one\nline"));
        assertEquals("\" padded \"", CsvRows.field(" padded "));
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaGetsAnApostrophe() {
        assertEquals("'=1+1", CsvRows.field("=1+1"));
        assertEquals("'+33 612", CsvRows.field("+33 612"));
        assertEquals("'-2 percent", CsvRows.field("-2 percent"));
        assertEquals("'@SUM(A1:A2)", CsvRows.field("@SUM(A1:A2)"));
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"",
                CsvRows.field("=HYPERLINK(\"http://evil.example\",\"click\")"));
        assertEquals("'\tx", CsvRows.field("\tx"));
        assertEquals("a=b", CsvRows.field("a=b"));
    }
}
