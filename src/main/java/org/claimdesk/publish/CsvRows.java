package org.claimdesk.publish;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 rows: fields separated by commas, lines ended by CRLF, and a field quoted (its quotes doubled)
 * when it holds a comma, a quote, a line break or surrounding spaces. Text that a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, so that opening an export
 * in Excel or LibreOffice never executes what someone typed into a claim.
 */
public final class CsvRows {

    private CsvRows() {
    }

    public static void write(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** One field as it appears in the file; null is an empty field. */
    public static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = defused(value);
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || Character.isWhitespace(text.charAt(0))
                || Character.isWhitespace(text.charAt(text.length() - 1));
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** The text with an apostrophe in front when a spreadsheet would read it as a formula. */
    public static String defused(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + value : value;
    }
}
