package org.claimdesk.publish;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.claimdesk.reviewer.CurrentReviewer;
import org.claimdesk.source.SourceKind;
import org.claimdesk.system.Choices;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Flash;
import org.claimdesk.system.Role;
import org.claimdesk.system.Routes;
import org.claimdesk.system.UnreadableText;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Importing claims from CSV and TSV files: upload, preview the first lines and map their columns, then follow the
 * import's progress and read its report, line by line.
 */
@Path("/imports/tables")
@Produces(MediaType.TEXT_HTML)
public class TableImports {

    static final int PREVIEW_LINES = 10;
    static final int SHOWN_OUTCOMES = 500;
    /** Seconds between refreshes of a running import's page. */
    static final int REFRESH = 2;

    /** A column of the preview, with the field it is mapped to (or null). */
    public record Column(int index, String name, String header, ImportField field) {
    }

    /** What the preview shows and the mapping form offers. */
    public record Preview(TableFile.Format format, boolean header, List<Column> columns, List<List<String>> rows,
            int lines, List<ImportField> fields, List<TableFile.Format> formats, List<SourceKind> kinds,
            List<TableImport.Mode> modes, TableImport earlier) {
    }

    /** A line the import did not store, and why. */
    public record LineOutcome(int line, String outcome, String reason) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<TableImport> imports, Map<String, String> errors);

        static native TemplateInstance show(TableImport job, Preview preview, List<LineOutcome> outcomes,
                Map<String, String> errors, int refresh);
    }

    @Inject
    CurrentReviewer me;

    @Inject
    TableImportRun runner;

    @Inject
    EntityManager em;

    @GET
    @RolesAllowed(Role.REVIEWER)
    public TemplateInstance index() {
        return Templates.index(recent(), Map.of());
    }

    @POST
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Transactional
    public Response upload(@RestForm("file") FileUpload file) {
        byte[] content;
        try {
            content = file == null ? new byte[0] : Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String refusal = content.length == 0 ? "Choose a CSV or TSV file with at least one line." : null;
        TableFile.Format format = null;
        if (refusal == null) {
            try {
                format = TableFile.guessFormat(file.fileName(), content);
            } catch (ClientError notText) {
                refusal = notText.getMessage();
            }
        }
        if (refusal == null) {
            String unreadable = UnreadableText.problem(new String(content, StandardCharsets.UTF_8));
            refusal = unreadable == null ? null : "The file " + unreadable;
        }
        if (refusal != null) {
            return Response.status(400).entity(Templates.index(recent(), Map.of("file", refusal))).build();
        }
        TableImport job = new TableImport();
        job.fileName = name(file.fileName());
        job.content = content;
        job.sha256 = sha256(content);
        job.format = format;
        job.hasHeader = ColumnMapping.guessHeader(TableFile.read(content, format));
        job.createdBy = me.get();
        job.createdAt = Instant.now();
        job.persist();
        return Flash.redirect(Routes.tableImport(job.id), "Uploaded " + job.fileName + ". Check how its columns "
                + "map to claims, then start the import.");
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.REVIEWER)
    @Transactional
    public TemplateInstance show(@RestPath long id, @RestQuery String format, @RestQuery String header) {
        TableImport job = find(id);
        if (job.state == TableImport.State.uploaded) {
            TableFile.Format shown = Choices.parse(TableFile.Format.values(), format).orElse(job.format);
            boolean hasHeader = header == null ? job.hasHeader : header.equals("true");
            return Templates.show(job, preview(job, shown, hasHeader, null), List.of(), Map.of(), 0);
        }
        return Templates.show(job, null, outcomes(id), Map.of(), job.isRunning() ? REFRESH : 0);
    }

    @POST
    @Path("{id}/start")
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@RestPath long id, MultivaluedMap<String, String> form) {
        boolean started = QuarkusTransaction.requiringNew().call(() -> {
            // locked, so that of two starts (here or on another instance) one wins and the other sees it running
            TableImport job = TableImport.<TableImport> findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> ClientError.notFound("There is no import with id " + id + "."));
            if (job.state != TableImport.State.uploaded) {
                return false;
            }
            TableFile.Format format = "tsv".equals(form.getFirst("format")) ? TableFile.Format.tsv
                    : TableFile.Format.csv;
            boolean header = "true".equals(form.getFirst("header"));
            FieldErrors errors = new FieldErrors();
            int width = TableFile.read(job.content, format).width();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                values.add(form.getFirst("column" + i));
            }
            ColumnMapping mapping = ColumnMapping.of(values, errors);
            TableImport.Mode mode = Choices.parse(TableImport.Mode.values(), form.getFirst("mode")).orElse(null);
            if (mode == null) {
                errors.add("mode", "Choose what happens to invalid lines.");
            }
            SourceKind kind = SourceKind.parse(form.getFirst("sourceKind")).orElse(null);
            if (kind == null) {
                errors.add("sourceKind", "Choose the kind of the sources the import creates.");
            }
            try {
                errors.throwIfAny();
            } catch (ClientError refused) {
                throw new PreviewRefused(job.id, format, header, mapping, refused);
            }
            job.format = format;
            job.hasHeader = header;
            job.mapping = new ArrayList<>(mapping.names());
            job.mode = mode;
            job.sourceKind = kind;
            job.state = TableImport.State.running;
            job.startedAt = Instant.now();
            return true;
        });
        if (started) {
            runner.start(id);
            return Flash.redirect(Routes.tableImport(id), "The import has started.");
        }
        return Flash.redirect(Routes.tableImport(id), "This import had already started.");
    }

    @GET
    @Path("{id}/report.csv")
    @Produces(ExportsApi.CSV)
    @RolesAllowed(Role.REVIEWER)
    public Response report(@RestPath long id) {
        List<LineOutcome> outcomes = QuarkusTransaction.requiringNew().call(() -> {
            find(id);
            return outcomes(id, Integer.MAX_VALUE);
        });
        StreamingOutput body = output -> {
            Writer out = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            CsvRows.write(out, List.of("line", "outcome", "reason"));
            for (LineOutcome o : outcomes) {
                CsvRows.write(out, List.of(Integer.toString(o.line()), o.outcome(), o.reason()));
            }
            out.flush();
        };
        return Response.ok(body, ExportsApi.CSV + "; charset=UTF-8").header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"import-" + id + "-report.csv\"").build();
    }

    /** A mapping refused on the preview page: the page again, with the choices made and what is wrong. */
    static final class PreviewRefused extends RuntimeException {
        final long id;
        final TableFile.Format format;
        final boolean header;
        final ColumnMapping mapping;
        final ClientError refusal;

        PreviewRefused(long id, TableFile.Format format, boolean header, ColumnMapping mapping, ClientError refusal) {
            super(refusal.getMessage(), null, false, false);
            this.id = id;
            this.format = format;
            this.header = header;
            this.mapping = mapping;
            this.refusal = refusal;
        }
    }

    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public Response refused(PreviewRefused refused) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TableImport job = find(refused.id);
            return Response.status(400).entity(Templates.show(job,
                    preview(job, refused.format, refused.header, refused.mapping), List.of(),
                    refused.refusal.byField(), 0)).build();
        });
    }

    private static Preview preview(TableImport job, TableFile.Format format, boolean header, ColumnMapping chosen) {
        TableFile file = TableFile.read(job.content, format);
        ColumnMapping mapping = chosen != null ? chosen : ColumnMapping.guess(file, header);
        int width = file.width();
        List<TableFile.Record> records = file.records();
        List<String> names = header && !records.isEmpty() ? records.get(0).cells() : List.of();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            columns.add(new Column(i, "column" + i, i < names.size() ? names.get(i) : "Column " + (i + 1),
                    mapping.at(i)));
        }
        List<List<String>> rows = new ArrayList<>();
        int first = header ? 1 : 0;
        for (int r = first; r < Math.min(records.size(), first + PREVIEW_LINES); r++) {
            List<String> cells = new ArrayList<>(records.get(r).cells());
            while (cells.size() < width) {
                cells.add("");
            }
            rows.add(cells);
        }
        TableImport earlier = TableImport.<TableImport> find("sha256 = ?1 and id <> ?2 and state = ?3 order by id desc",
                job.sha256, job.id, TableImport.State.done).firstResult();
        return new Preview(format, header, columns, rows, records.size() - first, List.of(ImportField.values()),
                List.of(TableFile.Format.values()), List.of(SourceKind.values()), List.of(TableImport.Mode.values()),
                earlier);
    }

    private List<LineOutcome> outcomes(long id) {
        return outcomes(id, SHOWN_OUTCOMES);
    }

    @SuppressWarnings("unchecked")
    private List<LineOutcome> outcomes(long id, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT line, outcome, reason FROM table_import_line "
                + "WHERE import_id = ?1 ORDER BY line LIMIT ?2").setParameter(1, id).setParameter(2, limit)
                .getResultList();
        return rows.stream().map(r -> new LineOutcome(((Number) r[0]).intValue(), (String) r[1], (String) r[2]))
                .toList();
    }

    private static List<TableImport> recent() {
        return TableImport.<TableImport> find("order by createdAt desc, id desc").page(0, 20).list();
    }

    private static TableImport find(long id) {
        return TableImport.<TableImport> findByIdOptional(id)
                .orElseThrow(() -> ClientError.notFound("There is no import with id " + id + "."));
    }

    private static String name(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        name = name.replaceAll("[\\p{Cntrl}]", "");
        return name.length() > 300 ? name.substring(0, 300) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
