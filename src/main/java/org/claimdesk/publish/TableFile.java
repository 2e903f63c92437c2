package org.claimdesk.publish;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.claimdesk.system.ClientError;

/**
 * A CSV or TSV file read into records, each with the number of the line it starts on, as an editor shows it. CSV
 * follows RFC 4180 (quoted fields may hold commas, quotes and line breaks); TSV is split at tabs only, with quotes
 * taken literally, as LIAR and most TSV writers mean them.
 */
public final class TableFile {

    public enum Format {
        csv("CSV (comma-separated)"), tsv("TSV (tab-separated)");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** By the file's name, else by whether its first line has more tabs than commas. */
        static Format guess(String fileName, String text) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".tsv") || name.endsWith(".tab")) {
                return tsv;
            }
            if (name.endsWith(".csv")) {
                return csv;
            }
            int end = text.indexOf('\n');
            String first = end < 0 ? text : text.substring(0, end);
            return first.chars().filter(c -> c == '\t').count() > first.chars().filter(c -> c == ',').count() ? tsv
                    : csv;
        }
    }

    /** One record; {@code malformed} says what is wrong with its quoting, or is null. */
    public record Record(int line, List<String> cells, String malformed) {
    }

    private final List<Record> records;

    private TableFile(List<Record> records) {
        this.records = records;
    }

    public List<Record> records() {
        return records;
    }

    /** The most cells of any record. */
    public int width() {
        return records.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
    }

    /** The file's text: UTF-8, without a byte-order mark. Anything else is a 400 that says so. */
    public static String text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ClientError.badRequest("The file is not UTF-8 text. Save it as CSV or TSV in UTF-8 and upload it "
                    + "again.");
        }
    }

    public static Format guessFormat(String fileName, byte[] bytes) {
        return Format.guess(fileName, text(bytes));
    }

    public static TableFile read(byte[] bytes, Format format) {
        String text = text(bytes);
        return new TableFile(format == Format.tsv ? tsv(text) : csv(text));
    }

    private static List<Record> tsv(String text) {
        List<Record> records = new ArrayList<>();
        int line = 0;
        for (String row : text.split("\r\n|\n|\r", -1)) {
            line++;
            if (!row.isEmpty()) {
                records.add(new Record(line, List.of(row.split("\t", -1)), null));
            }
        }
        return records;
    }

    private static List<Record> csv(String text) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        String malformed = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n'))) {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"') {
                if (cell.length() == 0 && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (malformed == null) {
                    malformed = "a quote inside an unquoted field, or after a quoted one; quote the whole field and "
                            + "double the quotes inside it";
                }
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                if (!(cells.size() == 1 && cells.get(0).isEmpty() && !wasQuoted)) {
                    records.add(new Record(start, List.copyOf(cells), malformed));
                }
                cells.clear();
                cell.setLength(0);
                wasQuoted = false;
                malformed = null;
                line++;
                start = line;
            } else if (!wasQuoted || !Character.isWhitespace(c)) {
                if (wasQuoted && malformed == null) {
                    malformed = "text after a quoted field's closing quote";
                }
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            malformed = "a quoted field that never ends (a missing closing quote)";
        }
        if (cell.length() > 0 || !cells.isEmpty() || wasQuoted) {
            cells.add(cell.toString());
            records.add(new Record(start, List.copyOf(cells), malformed));
        }
        return records;
    }
}
