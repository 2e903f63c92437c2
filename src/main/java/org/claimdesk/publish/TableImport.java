package org.claimdesk.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.claimdesk.reviewer.Reviewer;
import org.claimdesk.source.SourceKind;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One upload of a CSV or TSV file of claims: the file itself, how its columns map to claim fields, and how far the
 * import has come. Progress lives here, in the database, so every instance shows the same.
 */
@Entity
@Table(name = "table_import")
public class TableImport extends PanacheEntityBase {

    public enum State {
        uploaded, running, done, failed
    }

    public enum Mode {
        skip_invalid("Skip invalid lines: import the valid ones and list the others"),
        all_or_nothing("All or nothing: import nothing if any line is invalid");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "file_name")
    public String fileName;

    /** The file as uploaded; loaded only by the preview and the run. */
    @Basic(fetch = FetchType.LAZY)
    public byte[] content;

    public String sha256;

    @Enumerated(EnumType.STRING)
    public TableFile.Format format;

    @Column(name = "has_header")
    public boolean hasHeader;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> mapping = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public Mode mode = Mode.skip_invalid;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind")
    public SourceKind sourceKind = SourceKind.person;

    @Enumerated(EnumType.STRING)
    public State state = State.uploaded;

    @Column(name = "total_lines")
    public int totalLines;

    @Column(name = "checked_lines")
    public int checkedLines;

    @Column(name = "stored_lines")
    public int storedLines;

    public int imported;

    public int duplicates;

    public int rejected;

    @Column(name = "sources_created")
    public int sourcesCreated;

    public String message = "";

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    public Reviewer createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public boolean isFinished() {
        return state == State.done || state == State.failed;
    }

    public boolean isRunning() {
        return state == State.running;
    }

    /** How far the import has come, 0 to 100: checking the lines is the first half, storing them the second. */
    public int getPercent() {
        if (isFinished()) {
            return 100;
        }
        if (totalLines == 0) {
            return 0;
        }
        return (int) ((50L * checkedLines + 50L * storedLines) / totalLines);
    }

    /** How long the import took, from its start to its end, in seconds with one decimal; null until it ends. */
    public String getDuration() {
        if (startedAt == null || finishedAt == null) {
            return null;
        }
        return String.format(Locale.ROOT, "%.1f", Duration.between(startedAt, finishedAt)
                .toMillis() / 1000.0);
    }

    public ColumnMapping columnMapping() {
        return new ColumnMapping(mapping.stream().map(name -> ImportField.parse(name).orElse(null)).toList());
    }
}
