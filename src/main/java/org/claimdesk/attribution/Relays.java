package org.claimdesk.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a candidate claim's sentence for how it reached the article, as a separate pass after the extractor: the
 * relay chain ("according to Yonhap, citing a lawmaker": Yonhap relayed what a lawmaker said) and the kind of
 * attribution ("an official who spoke on condition of anonymity": an anonymous official). What it finds is a
 * proposal that the reviewer confirms or corrects with the rest of the candidate.
 */
public final class Relays {

    private Relays() {
    }

    /**
     * What the sentence says: the relays nearest first (without the claimant), the claimant the chain ends with when
     * it differs from the extractor's source (else null), and the kind's code (or null).
     */
    public record Proposal(List<String> relays, String claimant, AttributionKind kind) {

        public static final Proposal NONE = new Proposal(List.of(), null, null);

        public String relayNames() {
            return String.join("; ", relays);
        }

        public String kindCode() {
            return kind == null ? "" : kind.name();
        }
    }

    /** A name as the press prints it: capitalised words, with joiners ("Korea's National Intelligence Service"). */
    private static final String NAME = "(?:the |The )?[A-Z][\\w.&'’-]*(?:\\s+(?:of|for|and|the|de|al)?\\s*[A-Z][\\w.&'’-]*)*";
    /** Someone described rather than named: "a lawmaker who attended the briefing", "officials". */
    private static final String DESCRIBED = "(?:an?|one|two|three|several|some|senior|unnamed|anonymous)\\s+[^,.;:\"“”]{2,80}?";
    private static final String MENTION = "(" + NAME + "|" + DESCRIBED + ")";

    private static final List<Pattern> CHAINS = List.of(
            // according to Yonhap, citing / quoting a lawmaker
            Pattern.compile("according to " + MENTION + ",?\\s+(?:which|who)?\\s*(?:cited|citing|quoted|quoting)\\s+"
                    + MENTION + "(?=[,.;:]|\\s+(?:as|who|that)\\b|$)"),
            // Yonhap reported, citing a lawmaker
            Pattern.compile(MENTION + "\\s+(?:reported|said|wrote|quoted)[^,.;]{0,40},\\s+(?:citing|quoting)\\s+"
                    + MENTION + "(?=[,.;:]|\\s+(?:as|who|that)\\b|$)"),
            // a lawmaker told Yonhap
            Pattern.compile(MENTION + "\\s+(?:told|briefed)\\s+(" + NAME + ")(?=[,.;:]|\\s|$)"));

    /** "..., Yonhap reported." after a claim already attributed to someone else in the same sentence. */
    private static final Pattern REPORTED_AFTER = Pattern.compile(",\\s+(" + NAME + ")\\s+(?:reported|said)\\s*\\.?\\s*$");
    private static final Pattern QUOTED_BY = Pattern.compile("(?:as quoted by|quoted by|cited by|via)\\s+(" + NAME + ")");

    private static final Pattern ANONYMOUS = Pattern.compile("condition of anonymity|declined to be (?:named|identified)"
            + "|asked not to be (?:named|identified)|(?:were|was) not authori[sz]ed to speak|speaking anonymously"
            + "|\\b(?:an?|one|two|several|senior|unnamed)\\s+(?:\\w+\\s+){0,3}(?:officials?|sources?|lawmakers?|"
            + "diplomats?|insiders?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STATE_MEDIA = Pattern.compile("\\b(?:KCNA|Korean Central News Agency|Rodong Sinmun|"
            + "Xinhua|TASS|RIA Novosti|state media|state-run|state news agency|Uriminzokkiri|Korean Central "
            + "Television|KCTV)\\b");
    private static final Pattern STATEMENT = Pattern.compile("\\b(?:in a statement|statement (?:said|read|released)|"
            + "press release|announced|spokesperson|spokesman|spokeswoman|communiqué)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTE_MARKS = Pattern.compile("[\"“”][^\"“”]{8,}[\"“”]");

    /**
     * Proposes the relays and kind of a candidate found in {@code sentence} whose source the extractor read as
     * {@code sourceMention} (may be null).
     */
    public static Proposal propose(String sentence, String sourceMention) {
        if (sentence == null || sentence.isBlank()) {
            return Proposal.NONE;
        }
        String text = sentence.replace('\n', ' ').strip();
        List<String> chain = chain(text);
        List<String> relays = new ArrayList<>();
        String claimant = null;
        if (chain.size() == 2) {
            String nearest = chain.get(0);
            String origin = chain.get(1);
            if (same(sourceMention, nearest)) {
                // the extractor took the outlet for the claimant: propose the one it cited, relayed by the outlet
                relays.add(nearest);
                claimant = origin;
            } else if (sourceMention == null || same(sourceMention, origin)) {
                relays.add(nearest);
            } else {
                relays.add(nearest);
                relays.add(origin);
            }
        } else if (chain.size() == 1 && !same(sourceMention, chain.get(0))) {
            relays.add(chain.get(0));
        }
        return new Proposal(relays, claimant, kind(text, sourceMention));
    }

    /** The chain of mentions a sentence names, nearest to the article first. */
    static List<String> chain(String text) {
        for (Pattern pattern : CHAINS) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                boolean told = pattern == CHAINS.get(2);
                // "a lawmaker told Yonhap": Yonhap is nearest the article
                return told ? List.of(clean(m.group(2)), clean(m.group(1))) : List.of(clean(m.group(1)),
                        clean(m.group(2)));
            }
        }
        Matcher quoted = QUOTED_BY.matcher(text);
        if (quoted.find()) {
            return List.of(clean(quoted.group(1)));
        }
        Matcher after = REPORTED_AFTER.matcher(text);
        if (after.find() && text.substring(0, after.start()).matches("(?s).*\\b(?:said|says|told|believes|"
                + "according to|reported|claimed)\\b.*")) {
            return List.of(clean(after.group(1)));
        }
        return List.of();
    }

    static AttributionKind kind(String text, String sourceMention) {
        if (ANONYMOUS.matcher(text).find()) {
            return AttributionKind.anonymous_official;
        }
        if (STATE_MEDIA.matcher(text).find() || (sourceMention != null && STATE_MEDIA.matcher(sourceMention).find())) {
            return AttributionKind.state_media_report;
        }
        if (STATEMENT.matcher(text).find()) {
            return AttributionKind.official_statement;
        }
        if (QUOTE_MARKS.matcher(text).find()) {
            return AttributionKind.direct_quote;
        }
        return sourceMention == null ? null : AttributionKind.paraphrase;
    }

    private static String clean(String mention) {
        String text = mention.strip().replaceAll("^(?:the|The)\\s+(?=[A-Z])", "").replaceAll("[.,;:]+$", "");
        // "a lawmaker who attended the closed-door briefing" is a lawmaker; keep the description short
        return text.replaceAll("\\s+(?:who|which|that)\\b.*$", "").strip();
    }

    private static boolean same(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String x = a.strip().toLowerCase(Locale.ROOT).replaceAll("^the\\s+", "");
        String y = b.strip().toLowerCase(Locale.ROOT).replaceAll("^the\\s+", "");
        return x.equals(y) || x.contains(y) || y.contains(x);
    }
}
