package org.claimdesk.publish;

import java.io.IOException;
import java.nio.file.Files;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.claimdesk.system.ClientError;
import org.claimdesk.system.Role;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The upload page for other fact-checkers' ClaimReview ({@link ClaimReviewImportsApi} is the same for scripts). Reviewers import, since an import records claims and decisions. The page answers the upload with its
 * report rather than a redirect: importing is idempotent, so sending the form again changes nothing.
 */
@Path("/imports/claimreview")
@RolesAllowed(Role.REVIEWER)
public class ClaimReviewImports {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(String error);

        static native TemplateInstance report(ClaimReviewImport.Report report, String name);
    }

    @Inject
    ClaimReviewImport imports;

    @Inject
    ObjectMapper mapper;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance initUploadForm() {
        return Templates.upload(null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response processUploadForm(@RestForm("file") FileUpload file, @RestForm String pasted) {
        String name;
        String text;
        try {
            if (file != null && file.size() > 0) {
                name = file.fileName();
                text = Files.readString(file.uploadedFile());
            } else {
                name = "the pasted text";
                text = pasted == null ? "" : pasted;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return Response.status(400).entity(Templates.upload("The file could not be read as UTF-8 text.")).build();
        }
        if (text.isBlank()) {
            return Response.status(400).entity(Templates.upload("Choose a file, or paste the JSON-LD.")).build();
        }
        JsonNode document;
        try {
            document = parse(mapper, text);
        } catch (ClientError refused) {
            return Response.status(400).entity(Templates.upload(refused.getMessage())).build();
        }
        return Response.ok(Templates.report(imports.run(document), name)).build();
    }

    /** The document as JSON: an object or a list, or a 400 that says where it stops being JSON. */
    static JsonNode parse(ObjectMapper mapper, String text) {
        try {
            JsonNode document = mapper.readTree(text);
            if (document == null || !(document.isObject() || document.isArray())) {
                throw ClientError.badRequest("Send a ClaimReview JSON-LD object, a list of them, or a DataFeed.");
            }
            return document;
        } catch (JsonProcessingException e) {
            throw ClientError.badRequest("This is not JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").");
        }
    }
}
