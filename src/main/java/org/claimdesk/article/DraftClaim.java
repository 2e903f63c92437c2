package org.claimdesk.article;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One candidate claim of a draft: what the extractor proposed (ranges in the draft's text, cue, sources, confidence
 * and rule), the claim already in the desk that it resembles, and the reviewer's decision and edits. Edited values
 * are kept as typed, so that a refused edit comes back exactly as it was sent, with {@code error} saying why.
 * Stored as JSON in the draft; unknown fields are skipped, so that drafts written by an older version still load.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DraftClaim(int number, int start, int end, int claimStart, int claimEnd, int sourceStart, int sourceEnd,
        int cueStart, int cueEnd, String sourceMention, String cue, String rule, double confidence,
        List<Proposed> proposed, Duplicate duplicate, Decision decision, String statement, String sources,
        String newKind, String rangeStart, String rangeEnd, String error, String relays, String attributionKind) {

    /** What the reviewer decided: add the claim, add it linked as the same claim as the duplicate, or leave it out. */
    public enum Decision {
        accept, link, reject
    }

    /** A source as the extractor resolved it: one of the desk's ({@code id} set) or a proposed new one. */
    /**
     * The article's other names for the new sources this row still names ("Dr Fox" for "Liam Fox"), which the save
     * stores as their aliases; empty when there are none.
     */
    public String aliasNote() {
        if (proposed == null) {
            return "";
        }
        List<String> names = sourceNames();
        return String.join(", ", proposed.stream().filter(p -> p.newSource() && names.stream()
                .anyMatch(n -> n.equalsIgnoreCase(p.name().strip()))).flatMap(p -> p.aliases().stream())
                .distinct().toList());
    }

    public record Proposed(Long id, String name, String kind, boolean newSource, List<String> aliases) {

        /** A draft stored before aliases were proposed has none. */
        public Proposed {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    /** The claim already in the desk that this candidate resembles most, with their similarity in percent. */
    /**
     * {@code status} is the claim's verdict (null in drafts saved before claim matching); {@code why} says what the
     * two share: "shared words: ..." or "meaning only".
     */
    public record Duplicate(long claimId, String statement, int percent, String status, String why) {

        public boolean decided() {
            return status != null && !status.equals("unverified");
        }

        /** The matched claim's status, for the badge every page shows (word and icon). */
        public org.claimdesk.claim.ClaimStatus claimStatus() {
            return org.claimdesk.claim.ClaimStatus.valueOf(status);
        }
    }

    /** Separates the names of several sources in the form's source field. */
    public static final String SOURCE_SEPARATOR = ";";

    public DraftClaim edited(Decision newDecision, String newStatement, String newSources, String kind, String from,
            String to, String newError) {
        return new DraftClaim(number, start, end, claimStart, claimEnd, sourceStart, sourceEnd, cueStart, cueEnd,
                sourceMention, cue, rule, confidence, proposed, duplicate, newDecision, newStatement, newSources, kind,
                from, to, newError, relays, attributionKind);
    }

    /** The relays (names separated like sources, nearest first) and the attribution kind's code (issue 19). */
    public DraftClaim withAttribution(String newRelays, String newKind) {
        return new DraftClaim(number, start, end, claimStart, claimEnd, sourceStart, sourceEnd, cueStart, cueEnd,
                sourceMention, cue, rule, confidence, proposed, duplicate, decision, statement, sources, this.newKind,
                rangeStart, rangeEnd, error, newRelays, newKind);
    }

    /** The relay names the reviewer gave, nearest first, without blanks. */
    public List<String> relayNames() {
        return relays == null ? List.of()
                : List.of(relays.split(SOURCE_SEPARATOR)).stream().map(String::strip).filter(s -> !s.isEmpty())
                        .toList();
    }

    public DraftClaim withError(String newError) {
        return edited(decision, statement, sources, newKind, rangeStart, rangeEnd, newError);
    }

    @JsonIgnore
    public boolean isRejected() {
        return decision == Decision.reject;
    }

    /** The confidence as a whole percentage, for people. */
    public long percent() {
        return Math.round(confidence * 100);
    }

    /** The source names the reviewer gave, in order, without blanks. */
    public List<String> sourceNames() {
        return sources == null ? List.of()
                : List.of(sources.split(SOURCE_SEPARATOR)).stream().map(String::strip).filter(s -> !s.isEmpty())
                        .toList();
    }
}
