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
import org.claimdesk.article.extraction.CleanedArticle;
import org.claimdesk.article.extraction.ResolvedSource;
import org.claimdesk.system.ApiDocs;
import org.claimdesk.system.CleanedText;
import org.claimdesk.system.ClientError;
import org.claimdesk.system.FieldErrors;
import org.claimdesk.system.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code POST /api/extractions}: the candidate claims of a text, with their ranges in the cleaned text that
 * {@code POST /api/articles} would store. Nothing is saved.
 */
@Path("/api/extractions")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
public class ExtractionsApi {

    /** {@code text} as sent: control characters in it are cleaned out, not refused. */
    public record ExtractionRequest(@JsonDeserialize(using = CleanedText.Json.class) String text, String title) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceJson(Long id, String name, String kind, @JsonProperty("isNew") boolean isNew,
            List<String> aliases) {

        /** {@code aliases}: the article's other names for a new source ("Dr Fox"), only when there are any. */
        static SourceJson of(ResolvedSource source) {
            return new SourceJson(source.id(), source.name(), source.kind() == null ? null : source.kind().name(),
                    source.isNew(), source.isNew() && !source.aliases().isEmpty() ? source.aliases() : null);
        }
    }

    /** One candidate; {@code sources} only when it has several; {@code evidence}: the model's strongest features. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CandidateJson(String sentence, int start, int end, int claimStart, int claimEnd, int sourceStart,
            int sourceEnd, int cueStart, int cueEnd, String sourceMention, String cue, SourceJson source,
            List<SourceJson> sources, double confidence, String rule, List<String> evidence) {

        static CandidateJson of(Candidate c) {
            List<SourceJson> all = c.sources().stream().map(SourceJson::of).toList();
            return new CandidateJson(c.sentence(), c.start(), c.end(), c.claimStart(), c.claimEnd(), c.sourceStart(),
                    c.sourceEnd(), c.cueStart(), c.cueEnd(), c.sourceMention(), c.cue(), all.get(0),
                    all.size() > 1 ? all : null, c.confidence(), c.rule(), c.evidence().isEmpty() ? null : c.evidence());
        }
    }

    /** {@code invisibleRemoved} counts the control and other invisible characters taken out of the text. */
    public record ExtractionJson(String articleText, List<CandidateJson> candidates, int invisibleRemoved) {
    }

    @Inject
    ArticleImport imports;

    @POST
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find the claims in a text", description = """
            Reviewers. Cleans the text as POST /api/articles stores it (articleText) and returns the attributed \
            claims found in it, in text order. Every range (start/end of the sentence, claim, source mention and cue) \
            counts UTF-16 units of articleText (an emoji outside the BMP counts 2). source is the desk's source the mention resolves to, or a new one \
            (isNew, no id); sources lists every source when a sentence names several. Nothing is saved.""")
    @RequestBody(description = "The article", required = true, content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "article", value = """
                    {"title":"Workers sent to Russia","text":"North Korea has sent about 15,000 workers to Russia \
                    since January, South Korea's National Intelligence Service said on Friday.\\n\\"We will not \
                    send troops,\\" a spokesman for the ministry told reporters."}""")))
    @APIResponse(responseCode = "200", description = "The cleaned text and its candidate claims",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "candidates",
            value = """
                    {"articleText":"North Korea has sent about 15,000 workers to Russia since January, South \
                    Korea's National Intelligence Service said on Friday.\\n\\"We will not send troops,\\" a \
                    spokesman for the ministry told reporters.","candidates":[{"sentence":"North Korea has sent about \
                    15,000 workers to Russia since January, South Korea's National Intelligence Service said on \
                    Friday.","start":0,"end":126,"claimStart":0,"claimEnd":65,"sourceStart":67,"sourceEnd":110,\
                    "cueStart":111,"cueEnd":115,"sourceMention":"South Korea's National Intelligence Service",\
                    "cue":"said","source":{"id":51,"name":"National Intelligence Service",\
                    "kind":"intelligence_agency","isNew":false},"confidence":0.86,"rule":"claim-first"},\
                    {"sentence":"\\"We will not send troops,\\" a spokesman for the ministry told reporters.",\
                    "start":127,"end":198,"claimStart":127,"claimEnd":153,"sourceStart":154,"sourceEnd":182,\
                    "cueStart":183,"cueEnd":187,"sourceMention":"a spokesman for the ministry","cue":"told",\
                    "source":{"name":"spokesman for the ministry","kind":"government","isNew":true},\
                    "confidence":0.81,"rule":"claim-first/direct-quote"}]}""")))
    @APIResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    public ExtractionJson extract(ExtractionRequest request) {
        if (request == null) {
            throw ClientError.badRequest("Send a JSON object with the article's text: {\"text\": \"...\"}.");
        }
        FieldErrors errors = new FieldErrors();
        // control characters are cleaned out below, not refused: the text is checked as it will be stored
        errors.text("text", "the article's text", request.text() == null ? null
                : ArticleCleaner.removeInvisible(request.text()), ArticleRules.MAX_BODY, true);
        errors.text("title", "the title", request.title(), ArticleRules.MAX_TITLE, false);
        errors.throwIfAny();
        CleanedArticle cleaned = ArticleCleaner.fromText(ArticleRules.normalizeBody(request.text()));
        String text = ArticleBody.of(cleaned.text()).text();
        return new ExtractionJson(text, imports.candidates(text).stream().map(CandidateJson::of).toList(),
                cleaned.invisibleRemoved());
    }
}
