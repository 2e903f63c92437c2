package org.claimdesk.publish;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.claimdesk.claim.ClaimFilter;
import org.claimdesk.claim.ClaimSearch;
import org.claimdesk.claim.ClaimStatus;
import org.hibernate.ScrollableResults;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The claims of a list filter as a CSV file, written while it is read: rows come from a database cursor in a
 * read-only transaction, a thousand at a time, so an export of a million claims holds no more than that in memory.
 * {@code url} is the claim's page on this desk; {@code article_url} is where the claim appeared, if recorded;
 * {@code attribution_status} says whether the source was found to have said it (unconfirmed, confirmed,
 * misattributed) and {@code attribution_kind} how it was attributed, if recorded. New columns go at the end, so a
 * script that reads columns by position keeps working.
 */
@ApplicationScoped
public class ClaimsCsv {

    /** The columns, in order. The import recognises the same names (see {@link TableImports}). */
    public static final List<String> HEADER = List.of("id", "statement", "source", "source_kind", "status",
            "original_rating", "claim_date", "tags", "quote", "article_title", "article_url", "url", "assignee",
            "created_at", "decided_at", "attribution_status", "attribution_kind");

    static final int FETCH_SIZE = 1000;
    /** An hour: long enough for a million rows to a slow client, short enough that a stuck one lets go. */
    static final int TIMEOUT_SECONDS = 3600;

    private static final String COLUMNS = "c.id, c.statement, s.name, s.kind, c.status, c.original_rating, "
            + "to_char(c.claim_date, 'YYYY-MM-DD'), array_to_string(c.tags, ','), c.quote, a.title, a.url, u.username, "
            + "to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
            + "to_char(c.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), c.attribution_status, "
            + "c.attribution_kind";

    @Inject
    ClaimSearch search;

    @Inject
    EntityManager em;

    /**
     * Writes the header and every claim {@code filter} finds to {@code output}, in the list's order.
     *
     * @param claimPage the address of a claim's page without its id, such as {@code https://desk.example.org/claims/}
     */
    public void write(ClaimFilter filter, String claimPage, OutputStream output) {
        QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
            em.createNativeQuery("SET TRANSACTION READ ONLY").executeUpdate();
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            try (ScrollableResults<Object[]> rows = search.scroll(filter, COLUMNS, FETCH_SIZE)) {
                CsvRows.write(out, HEADER);
                int sinceClear = 0;
                while (rows.next()) {
                    CsvRows.write(out, fields(rows.get(), claimPage));
                    if (++sinceClear == FETCH_SIZE) {
                        // the session remembers nothing of scalar rows, but a long scroll should not even try
                        em.clear();
                        sinceClear = 0;
                    }
                }
                out.flush();
            } catch (IOException e) {
                // the client went away: stop reading, end the transaction
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<String> fields(Object[] row, String claimPage) {
        List<String> fields = new ArrayList<>(HEADER.size());
        String id = String.valueOf(row[0]);
        fields.add(id);
        fields.add((String) row[1]);
        fields.add((String) row[2]);
        fields.add((String) row[3]);
        fields.add(ClaimStatus.valueOf((String) row[4]).name());
        fields.add((String) row[5]);
        fields.add((String) row[6]);
        fields.add((String) row[7]);
        fields.add((String) row[8]);
        fields.add((String) row[9]);
        fields.add((String) row[10]);
        fields.add(claimPage + id);
        fields.add((String) row[11]);
        fields.add((String) row[12]);
        fields.add((String) row[13]);
        fields.add((String) row[14]);
        fields.add((String) row[15]);
        return fields;
    }
}
