package org.claimdesk.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.claimdesk.system.ClientError;
import org.junit.jupiter.api.Test;

class TableFileTest {

    private static List<TableFile.Record> csv(String text) {
        return TableFile.read(text.getBytes(StandardCharsets.UTF_8), TableFile.Format.csv).records();
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndLinesAreCountedAsAnEditorDoes() {
        List<TableFile.Record> records = csv("\uFEFFa,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\nlast,\"\"\n");
        assertEquals(3, records.size());
        assertEquals(List.of("a", "b"), records.get(0).cells());
        assertEquals(List.of("x, \"y\"", "two\nlines"), records.get(1).cells());
        assertEquals(2, records.get(1).line());
        assertEquals(List.of("last", ""), records.get(2).cells());
        assertEquals(5, records.get(2).line(), "the blank line 4 is skipped but counted");
        assertNull(records.get(2).malformed());
    }

    @Test
    void strayQuotesAndUnendedQuotedFieldsAreMalformed() {
        assertTrue(csv("ab\"c,d\n").get(0).malformed().contains("a quote inside an unquoted field"));
        assertTrue(csv("\"ab\"c,d\n").get(0).malformed().contains("after"));
        assertTrue(csv("ok,\"never ends\n").get(0).malformed().contains("never ends"));
    }

    @Test
    void tsvSplitsAtTabsOnlyAndKeepsQuotes() {
        List<TableFile.Record> records = TableFile.read("1\tHe said \"no, never\"\tx\n\n2\tb\n"
                .getBytes(StandardCharsets.UTF_8), TableFile.Format.tsv).records();
        assertEquals(List.of("1", "He said \"no, never\"", "x"), records.get(0).cells());
        assertEquals(3, records.get(1).line());
    }

    @Test
    void theFormatIsGuessedFromTheNameOrTheFirstLineAndOnlyUtf8IsRead() {
        assertEquals(TableFile.Format.tsv, TableFile.guessFormat("train.tsv", "a,b".getBytes(StandardCharsets.UTF_8)));
        assertEquals(TableFile.Format.tsv, TableFile.guessFormat("x.txt", "a\tb\tc,d".getBytes(StandardCharsets.UTF_8)));
        assertEquals(TableFile.Format.csv, TableFile.guessFormat("x", "a,b\tc,d".getBytes(StandardCharsets.UTF_8)));
        assertThrows(ClientError.class, () -> TableFile.guessFormat("x.csv", new byte[] { (byte) 0xff, 'a' }));
    }
}
