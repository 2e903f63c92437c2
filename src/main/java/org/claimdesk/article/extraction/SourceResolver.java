package org.claimdesk.article.extraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimdesk.source.SourceKind;

/**
 * Resolves a source mention against the desk's registry: by name or alias (ignoring case, punctuation and
 * possessives), by country and kind ("South Korean intelligence", "Pyongyang"), by surname ("Putin"), and back to
 * a source named earlier in the article ("the news agency", "it"). A mention it cannot resolve becomes a proposed new
 * source with a guessed kind. One resolver reads one article, in text order.
 */
final class SourceResolver {

    private static final int LONGEST_NAME = 8;
    private static final Set<String> PERSONAL = Set.of("he", "she", "him", "her", "his");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "it", "they", "we", "i", "you", "him", "her",
            "them", "us", "me", "this", "that", "these", "those", "its", "their", "his", "who", "which", "one");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "these", "those", "both",
            "its", "their", "his", "her", "our", "some", "many", "several", "other", "most", "all", "two", "three");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "president", "prime", "minister",
            "sen", "senator", "rep", "gov", "governor", "leader", "chairman", "secretary", "general", "gen", "former",
            "official", "officials", "spokesman", "spokeswoman", "spokesperson", "chief", "deputy", "vice", "foreign",
            "defence", "defense", "supreme", "state", "recent", "new", "latest", "senior", "top", "told", "lt", "col");
    /** Words that say what sort of body a definite description ("the ministry") or a mention points at. */
    private static final Map<String, SourceKind> KIND_WORDS = new HashMap<>();

    static {
        for (String w : List.of("intelligence", "spy", "nis", "cia", "fsb", "mi6", "mossad")) {
            KIND_WORDS.put(w, SourceKind.intelligence_agency);
        }
        for (String w : List.of("agency", "news", "newspaper", "paper", "outlet", "broadcaster", "network", "times",
                "post", "journal", "press", "television", "tv", "radio", "magazine", "reuters", "ap", "afp", "cnn",
                "bbc", "yonhap", "tass", "xinhua", "daily", "tribune", "herald", "gazette")) {
            KIND_WORDS.put(w, SourceKind.news_outlet);
        }
        for (String w : List.of("government", "ministry", "department", "administration", "cabinet", "office",
                "officials", "authorities", "regime", "parliament", "congress", "senate", "embassy", "kremlin",
                "commission", "council", "mayor", "minister", "governor", "state", "spokesman", "spokeswoman",
                "spokesperson")) {
            KIND_WORDS.put(w, SourceKind.government);
        }
        for (String w : List.of("military", "army", "navy", "pentagon", "forces", "troops", "command", "generals",
                "commander", "commanders", "soldiers", "marines")) {
            KIND_WORDS.put(w, SourceKind.military);
        }
        for (String w : List.of("analysts", "analyst", "experts", "expert", "economists", "observers",
                "researchers", "scientists", "pollsters", "scholars", "academics", "strategists")) {
            KIND_WORDS.put(w, SourceKind.analysts);
        }
        for (String w : List.of("company", "corporation", "corp", "inc", "firm", "bank", "group", "ltd", "llc",
                "airline", "maker", "manufacturer")) {
            KIND_WORDS.put(w, SourceKind.company);
        }
        for (String w : List.of("foundation", "institute", "organization", "organisation", "association",
                "watch", "charity", "ngo", "amnesty", "committee", "union", "campaign", "coalition", "center",
                "centre", "party")) {
            KIND_WORDS.put(w, SourceKind.ngo);
        }
    }

    private record Mention(int position, ResolvedSource source, Long registryId) {
    }

    private static final java.util.regex.Pattern APPOSITION = java.util.regex.Pattern.compile(
            ",\\s*(the|a|an|who|whose|which|its|his|her|their|now|\\d+)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** A word that makes a name inside a mention someone else than the speaker: "a spokesman for Mr Blair". */
    private static final Pattern PREPOSITION = Pattern.compile("\\b(of|for|to|from|with|at|by|about|and|or)\\s",
            Pattern.CASE_INSENSITIVE);
    /** ", who " or ", " ending the text before a mention: what follows belongs to the name before the comma. */
    private static final Pattern CLAUSE_BEFORE = Pattern.compile(",\\s*(?:who\\s+|whose\\s+)?$");

    private final Map<String, KnownSource> byName = new HashMap<>();
    private final Map<String, KnownSource> bySurname = new HashMap<>();
    private final List<KnownSource> registry;
    private final List<Mention> history = new ArrayList<>();
    private final Set<String> firstWords = new java.util.HashSet<>();
    private String text;
    /** Long forms found for short names, by their pattern ("" for none). */
    private final Map<String, String> fuller = new HashMap<>();
    /** The article's people and every mention of them, read by {@link #scan}. */
    private Speakers speakers;

    SourceResolver(List<KnownSource> registry, Map<String, KnownSource> byName, Map<String, KnownSource> bySurname) {
        this.registry = registry;
        this.byName.putAll(byName);
        this.bySurname.putAll(bySurname);
        for (String name : byName.keySet()) {
            firstWords.add(name.split(" ")[0]);
        }
        firstWords.addAll(Countries.firstWords());
    }

    /** Name and alias lookups for a registry, built once per extractor. */
    static Map<String, KnownSource> namesOf(List<KnownSource> registry) {
        Map<String, KnownSource> names = new HashMap<>();
        for (KnownSource source : registry) {
            names.putIfAbsent(Names.normalize(source.name()), source);
            for (String alias : source.aliases()) {
                names.putIfAbsent(Names.normalize(alias), source);
            }
        }
        return names;
    }

    static Map<String, KnownSource> surnamesOf(List<KnownSource> registry) {
        Map<String, KnownSource> surnames = new HashMap<>();
        for (KnownSource source : registry) {
            if (source.kind() == SourceKind.person) {
                String[] words = Names.normalize(source.name()).split(" ");
                surnames.putIfAbsent(words[words.length - 1], source);
            }
        }
        return surnames;
    }

    /** Records every registry name that the text mentions, so that later pronouns and descriptions can point back. */
    void scan(String text) {
        this.text = text;
        this.speakers = Speakers.of(text);
        List<Token> tokens = Token.tokenize(text, 0, text.length());
        String[] words = new String[tokens.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = tokens.get(i).isWord() ? Names.normalize(tokens.get(i).text()) : "";
        }
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (words[i].isEmpty() || !firstWords.contains(words[i])) {
                continue;
            }
            key.setLength(0);
            KnownSource found = null;
            int length = 0;
            for (int n = 1; n <= LONGEST_NAME && i + n <= words.length; n++) {
                String w = words[i + n - 1];
                if (w.isEmpty()) {
                    if (tokens.get(i + n - 1).text().equals("(") || tokens.get(i + n - 1).text().equals(")")) {
                        break;
                    }
                    continue;
                }
                if (key.length() > 0) {
                    key.append(' ');
                }
                key.append(w);
                String k = key.toString();
                KnownSource known = byName.get(k);
                if (known == null && n <= 2 && Countries.code(k) != null) {
                    known = government(Countries.code(k));
                }
                if (known != null) {
                    found = known;
                    length = n;
                }
            }
            if (found != null) {
                history.add(new Mention(tokens.get(i).start(), known(found), found.id()));
                i += length - 1;
            }
        }
        history.sort((a, b) -> Integer.compare(a.position(), b.position()));
    }

    /** The sources a mention at {@code position} names: several for "Both South Korea and Japan". */
    List<ResolvedSource> resolve(String mention, int position) {
        Speakers.Person person = speaker(mention, position);
        if (person != null) {
            ResolvedSource source = source(person);
            remember(source, position);
            return List.of(source);
        }
        // "Kim Yo Jong, the leader's sister, ..." names its source before the apposition
        java.util.regex.Matcher apposition = APPOSITION.matcher(mention);
        if (apposition.find() && apposition.start() > 0 && Character.isUpperCase(mention.strip().charAt(0))) {
            mention = mention.substring(0, apposition.start());
        }
        String clean = stripDeterminers(mention);
        List<String> parts = splitCoordination(clean);
        List<ResolvedSource> sources = new ArrayList<>();
        if (parts.size() > 1 && byName.get(Names.normalize(clean)) == null) {
            for (String part : parts) {
                ResolvedSource one = resolveOne(part, position);
                if (one.isNew() && PRONOUNS.contains(Names.normalize(part))) {
                    sources.clear();
                    break;
                }
                sources.add(one);
            }
        }
        if (sources.isEmpty()) {
            sources.add(resolveOne(mention, position));
        }
        for (ResolvedSource source : sources) {
            remember(source, position);
        }
        return sources;
    }

    private void remember(ResolvedSource source, int position) {
        int at = history.size();
        while (at > 0 && history.get(at - 1).position() > position) {
            at--;
        }
        history.add(at, new Mention(position, source, source.id()));
    }

    /**
     * The person of the article a source mention stands for: a name, a title with a surname, a description of their
     * role or "he" and "she" as {@link Speakers} read them; the name before an apposition ("Ms Robinson, a friend of
     * the Tory leader"); the subject that a relative clause or apposition taken for the source belongs to ("Ms
     * Robinson, who presents The Weakest Link tells ..."). Null when the mention is no person the article names.
     */
    private Speakers.Person speaker(String mention, int position) {
        if (speakers == null || mention.isBlank()) {
            return null;
        }
        String trimmed = mention.strip();
        int start = position + mention.indexOf(trimmed);
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.equals("he") || lower.equals("she")) {
            return speakers.at(start, start + trimmed.length());
        }
        int comma = trimmed.indexOf(',');
        String part = comma > 0 ? trimmed.substring(0, comma).stripTrailing() : trimmed;
        Speakers.Mention named = speakers.endingAt(start, start + part.length());
        if (named != null && !named.pronoun() && !PREPOSITION.matcher(text.substring(start, named.start())).find()) {
            return named.person();
        }
        String first = lower.split("[\\s,]+")[0];
        if (Character.isLowerCase(trimmed.charAt(0)) && !DETERMINERS.contains(first) && !PRONOUNS.contains(first)) {
            Matcher before = CLAUSE_BEFORE.matcher(text.substring(Math.max(0, start - 20), start));
            if (before.find()) {
                int end = Math.max(0, start - 20) + before.start();
                Speakers.Mention subject = speakers.endingAt(0, end);
                if (subject != null && subject.subject() && !subject.pronoun()) {
                    return subject.person();
                }
            }
        }
        return null;
    }

    /** The registry's source when it knows any of the person's names, else a new one under their fullest name. */
    private ResolvedSource source(Speakers.Person person) {
        List<String> names = new ArrayList<>();
        names.add(person.name);
        names.addAll(person.names);
        for (String name : names) {
            KnownSource known = byName.get(Names.normalize(name));
            if (known == null) {
                known = byName.get(Names.normalize(withoutTitles(name)));
            }
            if (known != null) {
                return known(known);
            }
        }
        KnownSource bySurname = this.bySurname.get(person.surname());
        if (bySurname != null && (person.singleWord() || Names.normalize(bySurname.name()).split(" ")[0]
                .equals(person.firstName()))) {
            return known(bySurname);
        }
        List<String> aliases = new ArrayList<>();
        for (String name : person.names) {
            // "Dr Fox" is another name; "Premier Anna Sorel" only the name with a title
            if (!Names.normalize(name).endsWith(Names.normalize(person.name)) && aliases.stream()
                    .noneMatch(a -> Names.normalize(a).equals(Names.normalize(name)))) {
                aliases.add(name);
            }
        }
        return new ResolvedSource(null, person.name, SourceKind.person, true, aliases);
    }

    private ResolvedSource resolveOne(String mention, int position) {
        String normalized = Names.normalize(mention);
        String lower = mention.strip().toLowerCase(Locale.ROOT);
        if (PRONOUNS.contains(lower)) {
            ResolvedSource earlier = pronoun(lower, position);
            return earlier != null ? earlier : new ResolvedSource(null, mention.strip(), SourceKind.other, true);
        }
        KnownSource known = byName.get(normalized);
        if (known != null) {
            return known(known);
        }
        // "North Korea's official Korean Central News Agency (KCNA)": the head after the possessive names it
        String head = head(mention);
        String inBrackets = bracketed(mention);
        for (String candidate : new String[] {inBrackets, head, withoutTitles(head)}) {
            if (candidate != null && byName.containsKey(Names.normalize(candidate))) {
                return known(byName.get(Names.normalize(candidate)));
            }
        }
        List<String> words = new ArrayList<>(Arrays.asList(Names.normalize(head).split(" ")));
        words.removeIf(w -> w.isEmpty() || DETERMINERS.contains(w));
        if (words.isEmpty()) {
            return new ResolvedSource(null, mention.strip(), SourceKind.other, true);
        }
        KnownSource longest = longestNameWithin(words);
        if (longest != null) {
            return known(longest);
        }
        if (isDefinite(mention)) {
            ResolvedSource earlier = description(words, position);
            if (earlier != null) {
                return earlier;
            }
        }
        KnownSource byCountry = byCountryAndKind(words);
        if (byCountry != null) {
            return known(byCountry);
        }
        String surname = words.get(words.size() - 1);
        if (words.size() == 1 && speakers != null && Character.isUpperCase(head.strip().charAt(0))) {
            // "Cockerell" after "Documentary maker Michael Cockerell"
            Speakers.Person named = speakers.named(surname, position);
            if (named != null && !named.singleWord()) {
                return source(named);
            }
        }
        // "a spokesman for Ms Sorel" is not Ms Sorel
        boolean someoneElses = PREPOSITION.matcher(head).find();
        if (!someoneElses && (Character.isUpperCase(head.strip().charAt(0)) || words.size() == 1)) {
            KnownSource person = bySurname.get(surname);
            if (person != null) {
                return known(person);
            }
            ResolvedSource proposed = proposedPerson(surname, position);
            if (proposed != null) {
                return proposed;
            }
        }
        String name = stripDeterminers(mention);
        // "North Korean leader Kim Jong Un", "spokesman John Kirby": the name after the role
        String[] raw = name.replaceAll("\\([^)]*\\)", " ").strip().split("\\s+");
        int lastLower = -1;
        for (int i = 0; i < raw.length; i++) {
            if (!raw[i].isEmpty() && Character.isLowerCase(raw[i].charAt(0))) {
                lastLower = i;
            }
        }
        if (!someoneElses && lastLower >= 0 && raw.length - lastLower - 1 >= 2 && !name.contains("'s ") && !name.contains("’s ")) {
            String person = String.join(" ", Arrays.asList(raw).subList(lastLower + 1, raw.length));
            if (guessKind(person) == SourceKind.person) {
                return new ResolvedSource(null, person, SourceKind.person, true);
            }
        }
        String fuller = fullerName(name);
        if (fuller != null) {
            KnownSource longForm = byName.get(Names.normalize(fuller));
            return longForm != null ? known(longForm) : new ResolvedSource(null, fuller, guessKind(fuller), true,
                    List.of(name));
        }
        return new ResolvedSource(null, name, guessKind(name), true);
    }

    /**
     * The longer form the article also gives of a short name whose every word abbreviates one of it: "Liberal
     * Democrats" for "Lib Dems". Null when there is none, or the name is not capitalized.
     */
    private String fullerName(String name) {
        String[] words = name.strip().split("\\s+");
        if (text == null || words.length > 4) {
            return null;
        }
        StringBuilder pattern = new StringBuilder("\\b");
        for (int i = 0; i < words.length; i++) {
            String w = words[i].endsWith("s") && words[i].length() > 2 ? words[i].substring(0, words[i].length() - 1)
                    : words[i];
            if (!w.chars().allMatch(Character::isLetter) || !Character.isUpperCase(w.charAt(0))) {
                return null;
            }
            pattern.append(i == 0 ? "" : "\\s+").append(Pattern.quote(w)).append("\\p{Ll}+");
        }
        return fuller.computeIfAbsent(pattern.append("\\b").toString(), p -> {
            Matcher m = Pattern.compile(p).matcher(text);
            Set<String> forms = new java.util.TreeSet<>();
            while (m.find()) {
                forms.add(m.group().replaceAll("\\s+", " "));
            }
            boolean plural = name.strip().endsWith("s");
            if (forms.size() > 1) {
                forms.removeIf(f -> f.endsWith("s") != plural); // "Liberal Democrats" for "Lib Dems"
            }
            return forms.size() == 1 ? forms.iterator().next() : ""; // two long forms: neither is sure
        }).transform(f -> f.isEmpty() ? null : f);
    }

    private static ResolvedSource known(KnownSource source) {
        return new ResolvedSource(source.id(), source.name(), source.kind(), false);
    }

    private KnownSource government(String country) {
        for (KnownSource source : registry) {
            if (country.equals(source.country()) && source.kind() == SourceKind.government) {
                return source;
            }
        }
        return null;
    }

    /** "he" and "she" point at the last person named; "it" and "they" at the last other source. */
    private ResolvedSource pronoun(String pronoun, int position) {
        boolean personal = PERSONAL.contains(pronoun);
        boolean nonPersonal = pronoun.equals("it") || pronoun.equals("its");
        for (int i = history.size() - 1; i >= 0; i--) {
            Mention m = history.get(i);
            if (m.position() >= position) {
                continue;
            }
            boolean person = m.source().kind() == SourceKind.person;
            if (personal && person || nonPersonal && !person && m.source().kind() != SourceKind.analysts
                    || pronoun.equals("they") && !person) {
                return m.source();
            }
        }
        return null;
    }

    /** "the news agency", "the intelligence services", "the ministry": the last source of that sort. */
    private ResolvedSource description(List<String> words, int position) {
        SourceKind kind = null;
        String headWord = words.get(words.size() - 1);
        for (String w : words) {
            SourceKind k = KIND_WORDS.get(singular(w));
            if (k != null) {
                kind = k;
            }
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            Mention m = history.get(i);
            if (m.position() >= position) {
                continue;
            }
            String name = Names.normalize(m.source().name());
            boolean named = name.contains(singular(headWord));
            boolean sameKind = kind != null && (m.source().kind() == kind
                    || kind == SourceKind.news_outlet && m.source().kind() == SourceKind.state_media);
            if (named || sameKind) {
                return m.source();
            }
        }
        return null;
    }

    /** "South Korean intelligence": a country's demonym and a word for the sort of body. */
    private KnownSource byCountryAndKind(List<String> words) {
        Countries.Match country = Countries.leading(words);
        if (country == null) {
            return null;
        }
        List<String> rest = words.subList(country.words(), words.size());
        if (rest.isEmpty()) {
            return government(country.code());
        }
        // "Japanese defence ministry" is the registry's "Japan's defence ministry"
        String tail = String.join(" ", rest);
        for (String form : Countries.forms(country.code())) {
            KnownSource known = byName.get(form + " " + tail);
            if (known != null) {
                return known;
            }
        }
        SourceKind kind = null;
        for (String w : rest) {
            SourceKind k = KIND_WORDS.get(singular(w));
            if (k != null) {
                kind = k;
            }
        }
        if (kind == null) {
            return null;
        }
        for (KnownSource source : registry) {
            if (country.code().equals(source.country()) && source.kind() == kind) {
                return source;
            }
        }
        return null;
    }

    private ResolvedSource proposedPerson(String surname, int position) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Mention m = history.get(i);
            if (m.position() < position && m.source().isNew() && m.source().kind() == SourceKind.person) {
                String[] words = Names.normalize(m.source().name()).split(" ");
                if (words.length > 1 && (words[words.length - 1].equals(surname) || words[0].equals(surname))) {
                    return m.source();
                }
            }
        }
        return null;
    }

    private KnownSource longestNameWithin(List<String> words) {
        for (int n = Math.min(LONGEST_NAME, words.size()); n >= 1; n--) {
            for (int i = 0; i + n <= words.size(); i++) {
                String key = String.join(" ", words.subList(i, i + n));
                KnownSource known = byName.get(key);
                // a lone country name inside a longer mention ("Japan's coast guard") is not the source
                if (known != null && !(n < words.size() && known.kind() == SourceKind.government
                        && Countries.code(key) != null)) {
                    return known;
                }
            }
        }
        return null;
    }

    private static String singular(String word) {
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("ces") || word.endsWith("ses")) {
            return word.substring(0, word.length() - 1);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3 && !word.equals("news")
                && !word.equals("times") && !word.equals("forces") && !word.equals("analysis")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static boolean isDefinite(String mention) {
        String lower = mention.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("the ") || lower.startsWith("this ") || lower.startsWith("that ")
                || lower.startsWith("these ") || lower.startsWith("those ");
    }

    /** The part after the last possessive, without a bracketed abbreviation: "official Korean Central News Agency". */
    static String head(String mention) {
        String s = mention.replaceAll("\\([^)]*\\)", " ").strip();
        int cut = Math.max(s.lastIndexOf("'s "), s.lastIndexOf("’s "));
        if (cut >= 0) {
            s = s.substring(cut + 3);
        } else {
            int plural = Math.max(s.lastIndexOf("s' "), s.lastIndexOf("s’ "));
            if (plural >= 0) {
                s = s.substring(plural + 3);
            }
        }
        return s.isBlank() ? mention.strip() : s.strip();
    }

    private static String bracketed(String mention) {
        int open = mention.indexOf('(');
        int close = mention.indexOf(')', open + 1);
        return open >= 0 && close > open ? mention.substring(open + 1, close) : null;
    }

    private static String withoutTitles(String head) {
        String[] words = head.strip().split("\\s+");
        int i = 0;
        while (i < words.length - 1 && TITLES.contains(Names.normalize(words[i]))) {
            i++;
        }
        return String.join(" ", Arrays.asList(words).subList(i, words.length));
    }

    static String stripDeterminers(String mention) {
        String s = mention.strip();
        while (true) {
            int space = s.indexOf(' ');
            if (space < 0 || !DETERMINERS.contains(s.substring(0, space).toLowerCase(Locale.ROOT))) {
                return s;
            }
            s = s.substring(space + 1).strip();
        }
    }

    /** "South Korea and Japan" is two mentions; "Smith and Wesson" stays one when the registry knows it. */
    private static List<String> splitCoordination(String mention) {
        String[] parts = mention.split("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*");
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** The kind a reviewer most likely gives a source that the registry does not know yet. */
    static SourceKind guessKind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("state media") || lower.contains("state news") || lower.contains("state television")
                || lower.contains("state-run") || lower.contains("official news")) {
            return SourceKind.state_media;
        }
        List<String> words = Arrays.asList(Names.normalize(name).split(" "));
        SourceKind kind = null;
        for (String w : words) {
            SourceKind k = KIND_WORDS.get(singular(w));
            if (k != null) {
                kind = k;
            }
        }
        if (kind != null) {
            return kind;
        }
        String[] raw = name.strip().split("\\s+");
        boolean capitalized = raw.length <= 4;
        for (String w : raw) {
            capitalized &= !w.isEmpty() && Character.isUpperCase(w.charAt(0));
        }
        return capitalized ? SourceKind.person : SourceKind.other;
    }
}
