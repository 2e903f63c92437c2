package org.claimdesk.article.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The words that introduce what a source says or thinks ("said", "told", "believes"), with how much an attribution
 * that rests on each deserves to be trusted, and the nouns of nominal attributions ("estimates suggest").
 */
final class Cues {

    /** Verbs of saying: an attribution almost always. */
    static final double SPEECH = 0.9;
    /** Verbs of thinking, showing or wanting: an attribution often, but also plain narration. */
    static final double COGNITION = 0.7;

    private static final Map<String, Double> VERBS = new HashMap<>();

    static {
        speech("say", "says", "said", "saying", "tell", "tells", "told", "telling", "state", "states", "stated",
                "add", "adds", "added", "adding", "report", "reports", "reported", "confirm", "confirms",
                "confirmed", "confirming", "accuse", "accuses", "accused", "accusing", "estimate", "estimates",
                "estimated", "warn", "warns", "warned", "warning", "claim", "claims", "claimed", "claiming",
                "announce", "announces", "announced", "announcing", "declare", "declares", "declared", "write",
                "writes", "wrote", "tweet", "tweets", "tweeted", "explain", "explains", "explained", "explaining",
                "note", "notes", "noted", "noting", "argue", "argues", "argued", "arguing", "insist", "insists",
                "insisted", "insisting", "suggest", "suggests", "suggested", "suggesting", "acknowledge",
                "acknowledges", "acknowledged", "acknowledging", "admit", "admits", "admitted", "admitting", "deny",
                "denies", "denied", "denying", "assert", "asserts", "asserted", "allege", "alleges", "alleged",
                "alleging", "predict", "predicts", "predicted", "recall", "recalls", "recalled", "recalling",
                "reply", "replies", "replied", "respond", "responds", "responded", "stress", "stresses", "stressed",
                "emphasize", "emphasized", "emphasised", "contend", "contends", "contended", "maintain",
                "maintains", "maintained", "reveal", "reveals", "revealed", "indicate", "indicates", "indicated",
                "speculate", "speculates", "speculated", "promise", "promises", "promised", "promising", "vow",
                "vows", "vowed", "vowing", "pledge", "pledges", "pledged", "concede", "concedes", "conceded",
                "counter", "countered", "observe", "observed", "remark", "remarked", "complain", "complains",
                "complained", "boast", "boasted", "joke", "joked", "quip", "quipped", "testify", "testified",
                "conclude", "concludes", "concluded", "ask", "asks", "asked", "asking", "urge", "urges", "urged",
                "urging", "thank", "thanked", "thanks", "praise", "praised", "praises", "praising", "criticize",
                "criticized", "criticised", "criticizes", "blame", "blames", "blamed", "blaming", "cite", "cited",
                "cites", "citing", "demand", "demanded", "demands", "announce", "assure", "assured", "assures",
                "mention", "mentioned", "mentions", "describe", "described", "describes", "describing", "call",
                "called", "calls", "calling", "charge", "charged", "charges", "declare", "propose", "proposed",
                "proposes", "reiterated", "reiterates", "repeated", "disclosed", "informed", "retorted", "lamented",
                "conceded", "recounted", "echoed", "agreed", "agrees", "disputed", "disputes", "questioned",
                "questions", "dismissed", "dismisses", "rejected", "rejects", "threatened", "threatens",
                "acknowledges", "quoted", "posted", "signaled", "signalled", "hinted", "touted", "defended",
                "defends", "attacked", "slammed", "mocked", "condemned", "denounced", "objected", "opined");
        cognition("believe", "believes", "believed", "think", "thinks", "thought", "feel", "feels", "felt", "fear",
                "fears", "feared", "hope", "hopes", "hoped", "hoping", "expect", "expects", "expected", "know",
                "knows", "knew", "worry", "worries", "worried", "doubt", "doubts", "doubted", "want", "wants",
                "wanted", "show", "shows", "showed", "shown", "find", "finds", "found", "see", "sees", "saw",
                "figure", "figures", "figured", "wonder", "wonders", "wondered", "insist", "suspect", "suspects",
                "suspected", "assume", "assumes", "assumed", "understand", "understands", "understood", "plan",
                "plans", "planned", "intend", "intends", "intended", "consider", "considers", "considered",
                "prefer", "prefers", "preferred", "support", "supports", "supported", "oppose", "opposes",
                "opposed", "seek", "seeks", "sought", "recognize", "recognized", "acknowledge", "endorse",
                "endorsed", "endorses", "agree", "realize", "realized", "imagine", "imagined", "guess", "reckon",
                "insisted", "liked", "love", "loves", "loved", "hate", "hates", "hated");
    }

    /** Nouns of a nominal attribution, "intelligence estimates suggest": the noun then a verb of showing. */
    static final Set<String> REPORT_NOUNS = Set.of("estimates", "estimate", "reports", "report", "assessment",
            "assessments", "figures", "data", "polls", "poll", "survey", "surveys", "study", "studies", "analysis",
            "records", "documents", "statement", "statements", "findings", "research", "projections", "forecasts",
            "numbers", "statistics");
    static final Set<String> REPORT_VERBS = Set.of("suggest", "suggests", "suggested", "show", "shows", "showed",
            "indicate", "indicates", "indicated", "say", "says", "said", "found", "find", "finds", "reveal",
            "reveals", "revealed", "put", "puts", "estimate", "estimated", "claim", "claimed");
    /** Forms that are more often nouns ("the reports", "their claims"): they need a plain noun phrase before them. */
    static final Set<String> NOUN_LIKE = Set.of("reports", "report", "claims", "claim", "estimates", "estimate",
            "states", "state", "notes", "note", "fears", "fear", "hopes", "hope", "promises", "promise", "calls",
            "call", "thanks", "plans", "plan", "figures", "figure", "questions", "charges", "demands", "support",
            "supports", "counter", "need", "needs", "like", "love", "thought", "remark", "tweet", "tweets",
            "doubt", "doubts", "stress", "guess", "find", "finds", "found", "seek", "see", "saw", "likes",
            "show", "shows");
    /** Verbs whose object names the hearer, not the claim: "told workers it was crucial". */
    static final Set<String> WITH_HEARER = Set.of("tell", "tells", "told", "telling", "warn", "warns", "warned",
            "warning", "assure", "assured", "assures", "urge", "urged", "urges", "urging", "inform", "informed",
            "remind", "reminded", "ask", "asked", "asks", "asking", "thank", "thanked", "thanks", "promised",
            "promise", "promises", "convinced", "persuaded", "briefed");

    private Cues() {
    }

    private static void speech(String... words) {
        for (String w : words) {
            VERBS.put(w, SPEECH);
        }
    }

    private static void cognition(String... words) {
        for (String w : words) {
            VERBS.putIfAbsent(w, COGNITION);
        }
    }

    /** Cue words learned from PolNeAR train (learned-cues.tsv, made by CueTraining), weighted by how often they are. */
    private static final Map<String, Double> LEARNED = learned();

    private static Map<String, Double> learned() {
        Map<String, Double> words = new HashMap<>();
        try (InputStream in = Cues.class.getResourceAsStream("learned-cues.tsv")) {
            if (in == null) {
                return words;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] cols = line.split("\t");
                if (line.startsWith("#") || cols.length < 2 || cols[0].equals("according")) {
                    continue;
                }
                words.put(cols[0], 0.5 + 0.4 * Double.parseDouble(cols[1]));
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which list holds {@code word}: "speech" or "cognition" (made by hand), "learned", or "none". */
    static String list(String word) {
        Double hand = VERBS.get(word);
        if (hand != null) {
            return hand == SPEECH ? "speech" : "cognition";
        }
        return LEARNED.containsKey(word) ? "learned" : "none";
    }

    /** The share of {@code word}'s uses in PolNeAR train that head a cue, or 0 when the learned list lacks it. */
    static double share(String word) {
        Double w = LEARNED.get(word);
        return w == null ? 0 : (w - 0.5) / 0.4;
    }

    /** How strongly {@code word} signals an attribution, or 0 when it is no cue. */
    static double weight(String word) {
        Double hand = VERBS.get(word);
        return hand != null ? hand : LEARNED.getOrDefault(word, 0.0);
    }
}
