package org.claimdesk.article;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.claimdesk.article.extraction.ArticleCleaner;
import org.claimdesk.article.extraction.Candidate;
import org.claimdesk.article.extraction.ResolvedSource;
import org.claimdesk.reviewer.Role;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /api/extractions}: the candidate claims of a text, with their ranges in the cleaned text that
 * {@code POST /api/articles} would store. Nothing is saved.
 */
@Path("/api/extractions")
@Produces(MediaType.APPLICATION_JSON)
public class ExtractionsApi {

    public record ExtractionRequest(String text, String title) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceJson(Long id, String name, String kind, @JsonProperty("isNew") boolean isNew) {

        static SourceJson of(ResolvedSource source) {
            return new SourceJson(source.id(), source.name(), source.kind() == null ? null : source.kind().name(),
                    source.isNew());
        }
    }

    /** One candidate; {@code sources} only when it has several. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CandidateJson(String sentence, int start, int end, int claimStart, int claimEnd, int sourceStart,
            int sourceEnd, int cueStart, int cueEnd, String sourceMention, String cue, SourceJson source,
            List<SourceJson> sources, double confidence, String rule) {

        static CandidateJson of(Candidate c) {
            List<SourceJson> all = c.sources().stream().map(SourceJson::of).toList();
            return new CandidateJson(c.sentence(), c.start(), c.end(), c.claimStart(), c.claimEnd(), c.sourceStart(),
                    c.sourceEnd(), c.cueStart(), c.cueEnd(), c.sourceMention(), c.cue(), all.get(0),
                    all.size() > 1 ? all : null, c.confidence(), c.rule());
        }
    }

    public record ExtractionJson(String articleText, List<CandidateJson> candidates) {
    }

    @Inject
    ArticleImport imports;

    @POST
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    public ExtractionJson extract(ExtractionRequest request) {
        if (request == null) {
            throw ClientError.badRequest("Send a JSON object with the article's text: {\"text\": \"...\"}.");
        }
        FieldErrors errors = new FieldErrors();
        errors.text("text", "the article's text", request.text(), ArticleRules.MAX_BODY, true);
        errors.text("title", "the title", request.title(), ArticleRules.MAX_TITLE, false);
        errors.throwIfAny();
        String text = ArticleBody.of(ArticleCleaner.fromText(ArticleRules.normalizeBody(request.text())).text()).text();
        return new ExtractionJson(text, imports.candidates(text).stream().map(CandidateJson::of).toList());
    }
}
