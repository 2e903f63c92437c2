package org.claimdesk.publish;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.claimdesk.system.FieldErrors;

/**
 * Which field each column of an imported table fills; a null entry leaves the column out. A statement and a source
 * are required, and no field comes from two columns.
 */
public record ColumnMapping(List<ImportField> columns) {

    /** LIAR's labels: a file of 14 columns with one of them second is LIAR (see src/docs and the dataset README). */
    static final Set<String> LIAR_LABELS = Set.of("pants-fire", "false", "barely-true", "half-true", "mostly-true",
            "true");
    static final int LIAR_WIDTH = 14;

    /** The column that fills {@code field}, or -1. */
    public int column(ImportField field) {
        return columns.indexOf(field);
    }

    public ImportField at(int column) {
        return column < columns.size() ? columns.get(column) : null;
    }

    /** The names as stored and sent by forms: the field's name, or "" for a column left out. */
    public List<String> names() {
        return columns.stream().map(f -> f == null ? "" : f.name()).toList();
    }

    /** True when the first record looks like a header: one of its cells names a field. */
    static boolean guessHeader(TableFile file) {
        return !file.records().isEmpty() && file.records().get(0).cells().stream()
                .filter(cell -> ImportField.forHeader(cell).isPresent()).count() >= 2;
    }

    /** A first guess for the preview: by the header's names, or LIAR's layout, or nothing. */
    static ColumnMapping guess(TableFile file, boolean header) {
        List<ImportField> columns = new ArrayList<>(Collections.nCopies(file.width(), null));
        if (file.records().isEmpty()) {
            return new ColumnMapping(columns);
        }
        List<String> first = file.records().get(0).cells();
        if (header) {
            for (int i = 0; i < first.size(); i++) {
                ImportField field = ImportField.forHeader(first.get(i)).orElse(null);
                if (field != null && !columns.contains(field)) {
                    columns.set(i, field);
                }
            }
        } else if (first.size() == LIAR_WIDTH && LIAR_LABELS.contains(first.get(1).strip())) {
            columns.set(1, ImportField.rating);
            columns.set(2, ImportField.statement);
            columns.set(3, ImportField.tags);
            columns.set(4, ImportField.source);
        }
        return new ColumnMapping(columns);
    }

    /** The mapping chosen on the preview page, one value per column; what is wrong goes to {@code errors}. */
    static ColumnMapping of(List<String> values, FieldErrors errors) {
        List<ImportField> columns = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i) == null ? "" : values.get(i).strip();
            ImportField field = value.isEmpty() ? null : ImportField.parse(value).orElse(null);
            if (!value.isEmpty() && field == null) {
                errors.add("column" + i, "Choose what column " + (i + 1) + " holds from the list.");
            }
            if (field != null && columns.contains(field)) {
                errors.add("column" + i, "Only one column can hold the " + field.label().toLowerCase() + ".");
                field = null;
            }
            columns.add(field);
        }
        if (!columns.contains(ImportField.statement)) {
            errors.add("mapping", "Choose the column that holds the statement.");
        }
        if (!columns.contains(ImportField.source)) {
            errors.add("mapping", "Choose the column that holds the source (the speaker).");
        }
        return new ColumnMapping(columns);
    }
}
