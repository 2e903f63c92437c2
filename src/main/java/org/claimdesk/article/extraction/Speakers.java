package org.claimdesk.article.extraction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The people an article talks about, read once in text order, so that every way it names one of them leads to the
 * same person (in-document coreference): full names ("Tory co-chairman Liam Fox"), a title with a surname ("Dr
 * Fox"), a definite description of a role ("the Tory co-chairman", "the prime minister") and "he" or "she". A
 * pronoun goes to the person a reader would pick: one of its gender, preferably the subject of its own sentence, else
 * of the sentences before, and only then anyone else mentioned there, nearest first.
 */
final class Speakers {

    /** One person of the article. */
    static final class Person {
        /** The fullest name the article gives, without an honorific: "Liam Fox". */
        String name;
        /** Every proper name the article uses for them, with titles: "Dr Fox". */
        final Set<String> names = new LinkedHashSet<>();
        /** Role descriptions, lower case, as the article gives them: "tory co-chairman". */
        final List<String> roles = new ArrayList<>();
        /** 'm', 'f' or 0 when the article does not say. */
        char gender;
        int mentions;
        int firstSeen = -1;
        int lastSeen = -1;

        String surname() {
            String[] words = name.split(" ");
            return Names.normalize(words[words.length - 1]);
        }

        String firstName() {
            String[] words = name.split(" ");
            return words.length > 1 ? Names.normalize(words[0]) : null;
        }

        /** Whether the article called them only by one word so far ("Blair", "Sandra"). */
        boolean singleWord() {
            return !name.contains(" ");
        }
    }

    /** Where the article mentions a person; {@code subject} for the first person of its sentence. */
    record Mention(int start, int end, Person person, int sentence, boolean subject, boolean pronoun) {
    }

    private static final Set<String> HONORIFICS = words("mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady",
            "dame", "baroness", "baron", "prof", "professor", "rev", "reverend", "sen", "senator", "rep", "gov",
            "governor", "president", "king", "queen", "prince", "princess", "gen", "general", "col", "colonel",
            "capt", "captain", "lt", "sgt", "judge", "justice", "mayor", "chancellor", "minister", "prime",
            "secretary", "ambassador", "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam", "sheikh",
            "former", "late", "acting", "vice", "deputy");
    private static final Set<String> MALE_TITLES = words("mr", "sir", "lord", "baron", "king", "prince");
    private static final Set<String> FEMALE_TITLES = words("mrs", "ms", "miss", "lady", "dame", "baroness",
            "queen", "princess");
    /** Words that name what someone does: a name after one is a person's ("presenter Anne Robinson"). */
    static final Set<String> ROLES = words("leader", "chairman", "co-chairman", "chairwoman", "chair", "minister",
            "president", "secretary", "chancellor", "spokesman", "spokeswoman", "spokesperson", "presenter",
            "governor", "senator", "mayor", "premier", "chief", "director", "head", "ambassador", "commander",
            "founder", "executive", "candidate", "nominee", "treasurer", "editor", "author", "actor", "actress",
            "star", "singer", "manager", "coach", "captain", "judge", "lawyer", "attorney", "prosecutor",
            "professor", "economist", "analyst", "envoy", "king", "queen", "prince", "princess", "pope", "deputy",
            "aide", "adviser", "advisor", "maker", "model", "ex-model", "wife", "husband", "son", "daughter",
            "mother", "father", "brother", "sister", "widow", "mp", "mep", "msp", "congressman", "congresswoman",
            "lawmaker", "councillor", "councilor", "campaigner", "activist", "businessman", "businesswoman",
            "banker", "officer", "general", "colonel", "strategist", "pollster", "journalist", "reporter",
            "columnist", "broadcaster", "comedian", "writer", "historian", "scientist", "doctor", "surgeon",
            "teacher", "student", "owner", "boss", "rival", "challenger", "incumbent", "frontrunner", "whip",
            "speaker", "commissioner", "official", "diplomat", "negotiator", "producer", "filmmaker", "host",
            "anchor", "veteran", "expert", "researcher", "investor", "entrepreneur", "inventor", "ceo", "cfo",
            "coo", "chairperson", "convener", "organiser", "organizer", "secretary-general", "prime-minister");
    /** Offices that one person holds at a time: "the prime minister" may be the article's main person unnamed. */
    private static final Set<String> OFFICES = words("prime minister", "president", "premier", "chancellor",
            "first minister", "taoiseach", "king", "queen", "pope", "mayor", "governor", "home secretary",
            "foreign secretary", "vice president", "speaker", "prime-minister");
    private static final Set<String> FEMALE_WORDS = words("wife", "widow", "mother", "daughter", "sister",
            "actress", "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "queen", "princess",
            "grandmother", "aunt", "niece", "girlfriend", "woman", "girl", "mrs", "ms", "miss", "lady", "dame");
    private static final Set<String> MALE_WORDS = words("husband", "father", "son", "brother", "spokesman",
            "congressman", "businessman", "king", "prince", "grandfather", "uncle", "nephew", "boyfriend", "man",
            "boy", "mr", "sir", "lord");
    /** Words before a role that are not part of it: "with his wife, ex-model Sandra". */
    private static final Set<String> ROLE_STOPS = words("the", "a", "an", "his", "her", "their", "its", "our",
            "my", "and", "or", "but", "of", "for", "to", "with", "by", "from", "in", "on", "at", "as", "that",
            "who", "which", "meanwhile", "said", "says", "told", "tells", "is", "was", "are", "were", "has", "have",
            "had", "former");
    /** Capitalized words that open sentences or name no one. */
    private static final Set<String> NOT_NAMES = words("the", "a", "an", "he", "she", "it", "they", "we", "i",
            "you", "his", "her", "their", "its", "our", "this", "that", "these", "those", "in", "on", "at", "but",
            "and", "or", "so", "if", "when", "while", "after", "before", "as", "asked", "meanwhile", "however",
            "yet", "still", "then", "there", "here", "what", "who", "why", "how", "where", "yeah", "yes", "no",
            "not", "my", "me", "us", "of", "for", "to", "with", "by", "from", "former", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
            "may", "june", "july", "august", "september", "october", "november", "december", "mps", "tory",
            "tories", "labour", "conservative", "conservatives", "democrat", "democrats", "republican",
            "republicans", "british", "american", "english", "scottish", "welsh", "irish", "european", "uk", "us",
            "eu", "un", "tv", "bbc", "cnn", "nato", "gop", "god", "mrs", "mr", "ms", "dr", "one", "two", "three");
    /** Words that make a capitalized name an organisation's or a place's, not a person's. */
    private static final Set<String> NOT_PERSON_WORDS = words("party", "street", "news", "radio", "house",
            "office", "ministry", "department", "council", "committee", "union", "university", "college",
            "school", "agency", "service", "services", "bank", "group", "company", "corporation", "inc", "ltd",
            "times", "post", "journal", "herald", "daily", "tribune", "network", "channel", "court", "church",
            "army", "navy", "force", "forces", "police", "government", "parliament", "congress", "senate",
            "assembly", "commission", "foundation", "institute", "association", "center", "centre", "club",
            "league", "federation", "city", "county", "state", "states", "kingdom", "republic", "island",
            "islands", "river", "road", "square", "avenue", "hall", "airport", "hospital", "museum", "campaign",
            "organisation", "organization", "democrats", "republicans", "conservatives", "tories", "labour",
            "link", "week", "weekend", "day", "cabinet", "commons", "lords", "downing", "whitehall", "treasury",
            "media", "press", "television", "tv", "bbc", "itv", "sky", "reuters", "gmt", "bst", "nazi", "nazis");
    private static final Set<String> MALE_NAMES = words("james", "john", "robert", "michael", "william", "david",
            "richard", "joseph", "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "tony",
            "mark", "donald", "steven", "stephen", "paul", "andrew", "joshua", "kenneth", "ken", "kevin", "brian",
            "george", "edward", "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas",
            "nick", "eric", "jonathan", "larry", "justin", "scott", "brandon", "benjamin", "ben", "samuel", "sam",
            "frank", "gregory", "raymond", "alexander", "patrick", "jack", "dennis", "jerry", "tyler", "aaron",
            "henry", "peter", "adam", "douglas", "nathan", "zachary", "kyle", "walter", "harold", "carl",
            "arthur", "gerald", "roger", "keith", "jeremy", "lawrence", "terry", "sean", "christian", "albert",
            "joe", "ethan", "austin", "jesse", "willie", "billy", "bryan", "bruce", "jordan", "ralph", "roy",
            "noah", "dylan", "eugene", "wayne", "alan", "juan", "louis", "russell", "gabriel", "randy", "philip",
            "phil", "harry", "vincent", "bobby", "johnny", "logan", "liam", "gordon", "alastair", "alistair",
            "iain", "ian", "neil", "nigel", "malcolm", "colin", "graham", "simon", "martin", "hugh", "jim",
            "tom", "bill", "bob", "mike", "dave", "steve", "chris", "rob", "boris", "vladimir", "barack",
            "hillary", "bernie", "mitt", "newt", "rudy", "ted", "jeb", "rory", "gerry", "des", "jeremy", "ed",
            "vince", "nick", "oliver", "rishi", "keir", "theresa", "menzies", "geoff", "geoffrey", "derek",
            "trevor", "clive", "norman", "kim", "xi", "emmanuel", "francois", "jacques", "nicolas", "angela",
            "gerhard", "helmut", "silvio", "matteo", "pedro", "jose", "carlos", "luis", "ahmed", "mohammed",
            "muhammad", "ali", "omar", "hassan", "hussein", "recep", "benjamin", "shinzo", "narendra", "dmitry",
            "sergei", "sergey", "volodymyr", "lord");
    private static final Set<String> FEMALE_NAMES = words("mary", "patricia", "jennifer", "linda", "elizabeth",
            "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra",
            "ashley", "kimberly", "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa",
            "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "shirley",
            "angela", "helen", "anna", "anne", "ann", "brenda", "pamela", "nicole", "emma", "samantha",
            "katherine", "kate", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria",
            "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren",
            "joan", "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances",
            "gloria", "ann", "teresa", "theresa", "kathryn", "sara", "janice", "jean", "alice", "madison",
            "doris", "abigail", "julia", "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle",
            "theresa", "sophia", "marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose",
            "alexis", "kayla", "hillary", "harriet", "tessa", "yvette", "clare", "claire", "jacqui", "ruth",
            "nicola", "cherie", "fiona", "caroline", "gillian", "sally", "jane", "jill", "hazel", "estelle",
            "margot", "beth", "liz", "sue", "val", "valerie", "priti", "angela", "ursula", "christine", "marine",
            "ségolène", "segolene", "nancy", "kamala", "sarah", "elizabeth", "michele", "condoleezza", "madeleine",
            "nikki", "kirsten", "tammy", "dianne", "barbara", "ilhan", "alexandria", "jacinda", "sanna", "golda",
            "indira", "benazir", "aung", "yulia", "sheila", "shirley", "wendy", "penny", "lucy", "sophie",
            "louise", "joanna", "anne-marie", "suella", "kemi", "liz", "lisa");

    /** A set of words; the lists above may repeat one. */
    private static Set<String> words(String... words) {
        return Set.copyOf(java.util.Arrays.asList(words));
    }

    private final List<Person> people = new ArrayList<>();
    private final java.util.Map<String, List<Person>> bySurname = new java.util.HashMap<>();
    private final java.util.Map<String, List<Person>> byFirstName = new java.util.HashMap<>();
    private final List<Mention> mentions = new ArrayList<>();
    private final String text;
    /** Full names (two words or more) the article gives anywhere, in text order: a title may come before them. */
    private final List<String> fullNames = new ArrayList<>();

    private Speakers(String text) {
        this.text = text;
    }

    /** Reads the people of {@code text} and every mention of them. */
    static Speakers of(String text) {
        Speakers speakers = new Speakers(text);
        speakers.read();
        return speakers;
    }

    List<Person> people() {
        return people;
    }

    List<Mention> mentions() {
        return mentions;
    }

    private void read() {
        List<Span> sentences = SentenceSplitter.split(text);
        List<List<Token>> tokens = new ArrayList<>();
        Set<String> titledSurnames = new java.util.HashSet<>();
        for (Span s : sentences) {
            List<Token> t = Token.tokenize(text, s.start(), s.end());
            tokens.add(t);
            for (int i = 0; i + 1 < t.size(); i++) {
                if (isHonorific(t.get(i)) && t.get(i + 1).isCapitalized() && t.get(i + 1).isWord()) {
                    titledSurnames.add(Names.normalize(t.get(i + 1).text()));
                }
            }
        }
        // full names first, so that "Mr Kennedy" before "Lib Dem leader Charles Kennedy" finds him
        for (List<Token> t : tokens) {
            for (int i = 0; i < t.size(); i++) {
                int end = run(t, i);
                if (end - i >= 2) {
                    int from = skipHonorifics(t, i, end);
                    if (end - from >= 2 && isPersonName(t, from, end, from > i, titledSurnames)) {
                        fullNames.add(name(t, from, end));
                    }
                }
                i = Math.max(i, end - 1);
            }
        }
        for (int n = 0; n < sentences.size(); n++) {
            List<Token> t = tokens.get(n);
            boolean subjectTaken = false;
            for (int i = 0; i < t.size(); i++) {
                Token w = t.get(i);
                Mention m = null;
                int next = i + 1;
                if (w.is("he") || w.is("she")) {
                    Person p = pronoun(w.is("he") ? 'm' : 'f', n, w.start());
                    if (p != null) {
                        m = new Mention(w.start(), w.end(), p, n, !subjectTaken, true);
                    }
                } else if ((w.is("the") || w.is("this")) && i + 1 < t.size()) {
                    int end = descriptionEnd(t, i + 1);
                    if (end > i + 1 && (end >= t.size() || !t.get(end).isCapitalized() || !t.get(end).isWord())) {
                        Person p = described(description(t, i + 1, end), w.start());
                        if (p != null) {
                            m = new Mention(w.start(), t.get(end - 1).end(), p, n, !subjectTaken, false);
                        }
                        next = end;
                    }
                } else if (w.isCapitalized() && w.isWord()) {
                    int end = run(t, i);
                    next = end;
                    m = name(t, i, end, n, !subjectTaken, titledSurnames);
                }
                if (m != null) {
                    subjectTaken = true;
                    mentions.add(m);
                    m.person().mentions++;
                    m.person().lastSeen = m.start();
                    if (m.person().firstSeen < 0) {
                        m.person().firstSeen = m.start();
                    }
                }
                i = next - 1;
            }
        }
    }

    /** Where the run of capitalized words (and titles with their full stop) that starts at {@code i} ends. */
    private static int run(List<Token> t, int i) {
        int k = i;
        while (k < t.size() && t.get(k).isWord() && t.get(k).isCapitalized()) {
            boolean possessive = t.get(k).lower().endsWith("'s");
            k++;
            if (possessive) {
                break;
            }
        }
        return k;
    }

    private static int skipHonorifics(List<Token> t, int from, int end) {
        int k = from;
        while (k < end - 1 && isHonorific(t.get(k))) {
            k++;
        }
        return k;
    }

    /** "Mr", "Dr", "Sen." and offices used as titles: "Premier Anna Sorel", "Chancellor Gordon Brown". */
    private static boolean isHonorific(Token w) {
        String word = Names.normalize(w.text());
        return (HONORIFICS.contains(word) || ROLES.contains(word)) && w.isCapitalized();
    }

    /** The words of a name as the article spells them, without a possessive: "Blair's" is "Blair". */
    private static String name(List<Token> t, int from, int end) {
        StringBuilder s = new StringBuilder();
        for (int k = from; k < end; k++) {
            String x = t.get(k).text().replaceFirst("['’]s$", "");
            s.append(s.length() == 0 ? "" : " ").append(x);
        }
        return s.toString();
    }

    /** Whether the capitalized words {@code from..end} name a person, by a title, a first name or their role. */
    private boolean isPersonName(List<Token> t, int from, int end, boolean titled, Set<String> titledSurnames) {
        int words = end - from;
        if (words > 4) {
            return false;
        }
        for (int k = from; k < end; k++) {
            String w = Names.normalize(t.get(k).text());
            if (NOT_PERSON_WORDS.contains(w) || k > from && NOT_NAMES.contains(w) || Countries.code(w) != null) {
                return false;
            }
        }
        if (NOT_NAMES.contains(Names.normalize(t.get(from).text())) && !titled) {
            return false;
        }
        String first = Names.normalize(t.get(from).text());
        String last = Names.normalize(t.get(end - 1).text());
        return titled || roleBefore(t, from) >= 0
                || words >= 2 && (MALE_NAMES.contains(first) || FEMALE_NAMES.contains(first)
                        || titledSurnames.contains(last));
    }

    /** The index of a role word just before {@code from} ("presenter" in "TV presenter Anne Robinson"), or -1. */
    private static int roleBefore(List<Token> t, int from) {
        int k = from - 1;
        return k >= 0 && ROLES.contains(t.get(k).lower()) ? k : -1;
    }

    /** "Tory co-chairman" before "Liam Fox": the words of the role phrase that ends at {@code role}. */
    private static String roleDescription(List<Token> t, int role) {
        int k = role;
        while (k > 0 && role - k < 5 && t.get(k - 1).isWord() && !ROLE_STOPS.contains(t.get(k - 1).lower())
                && !t.get(k - 1).lower().endsWith("'s")) {
            k--;
        }
        if (k > 0 && t.get(k - 1).is("former")) {
            k--;
        }
        return description(t, k, role + 1);
    }

    private static String description(List<Token> t, int from, int end) {
        StringBuilder s = new StringBuilder();
        for (int k = from; k < end; k++) {
            s.append(s.length() == 0 ? "" : " ").append(t.get(k).lower());
        }
        return s.toString();
    }

    /** After "the": where a role description such as "Tory co-chairman" or "prime minister" ends, or {@code from}. */
    private static int descriptionEnd(List<Token> t, int from) {
        int end = from;
        for (int k = from; k < t.size() && k - from < 5 && t.get(k).isWord(); k++) {
            if (ROLES.contains(t.get(k).lower()) || k > from && OFFICES.contains(description(t, k - 1, k + 1))) {
                end = k + 1;
            } else if (t.get(k).lower().endsWith("'s") || !t.get(k).isCapitalized() && end > from) {
                break;
            }
        }
        return end;
    }

    /** A capitalized run: a person's name, with or without a title, linked to the person it names; else null. */
    private Mention name(List<Token> t, int i, int end, int sentence, boolean subject, Set<String> titledSurnames) {
        int from = skipHonorifics(t, i, end);
        boolean titled = from > i;
        if (!isPersonName(t, from, end, titled, titledSurnames)) {
            return null;
        }
        String name = name(t, from, end);
        char gender = 0;
        for (int k = i; k < from; k++) {
            String title = Names.normalize(t.get(k).text());
            gender = MALE_TITLES.contains(title) ? 'm' : FEMALE_TITLES.contains(title) ? 'f' : gender;
        }
        String first = Names.normalize(t.get(from).text());
        if (gender == 0 && end - from >= 1 && !titled) {
            gender = MALE_NAMES.contains(first) && !FEMALE_NAMES.contains(first) ? 'm'
                    : FEMALE_NAMES.contains(first) && !MALE_NAMES.contains(first) ? 'f' : 0;
        }
        // "his wife, ex-model Sandra": a word of the role just before says it when the name does not
        for (int k = Math.max(0, i - 4); k < i && gender == 0; k++) {
            gender = FEMALE_WORDS.contains(t.get(k).lower()) ? 'f' : MALE_WORDS.contains(t.get(k).lower()) ? 'm' : 0;
        }
        Person person = person(name, gender, t.get(i).start());
        person.names.add(name(t, i, end));
        if (gender != 0 && person.gender == 0) {
            person.gender = gender;
        }
        int role = roleBefore(t, i);
        if (role >= 0) {
            String description = roleDescription(t, role);
            if (!person.roles.contains(description)) {
                person.roles.add(description);
            }
        }
        // "Ms Robinson, a friend of the Tory leader": an apposition describes her, not the leader
        return new Mention(t.get(i).start(), t.get(end - 1).end() - possessiveLength(t.get(end - 1)), person,
                sentence, subject, false);
    }

    private static int possessiveLength(Token w) {
        return w.lower().endsWith("'s") ? 2 : 0;
    }

    /** The person a name stands for: one seen before with that name or surname, else a new one, named in full. */
    private Person person(String name, char gender, int position) {
        String[] words = Names.normalize(name).split(" ");
        String surname = words[words.length - 1];
        String first = words.length > 1 ? words[0] : null;
        Person best = null;
        List<Person> candidates = new ArrayList<>(bySurname.getOrDefault(surname, List.of()));
        if (words.length == 1) {
            candidates.addAll(byFirstName.getOrDefault(surname, List.of()));
        }
        for (Person p : candidates) {
            if (gender != 0 && p.gender != 0 && gender != p.gender) {
                continue;
            }
            boolean same = p.surname().equals(surname) && (first == null || p.firstName() == null
                    || p.firstName().equals(first))
                    || words.length == 1 && surname.equals(p.firstName());
            if (same && (best == null || p.lastSeen > best.lastSeen)) {
                best = p;
            }
        }
        if (best == null && words.length == 1) {
            // "Mr Kennedy" before "Lib Dem leader Charles Kennedy": the article's full name, before or after
            String full = fullName(surname, gender, position);
            if (full != null) {
                name = full;
                words = Names.normalize(full).split(" ");
            }
        }
        if (best == null) {
            best = new Person();
            best.name = name;
            people.add(best);
            index(best);
        } else if (words.length > best.name.split(" ").length
                && (best.singleWord() || Names.normalize(name).endsWith(best.surname()))) {
            best.name = name; // "George W. Bush" after "George Bush"
            index(best);
        }
        return best;
    }

    private void index(Person p) {
        List<Person> same = bySurname.computeIfAbsent(p.surname(), k -> new ArrayList<>());
        if (!same.contains(p)) {
            same.add(p);
        }
        if (p.firstName() != null) {
            List<Person> first = byFirstName.computeIfAbsent(p.firstName(), k -> new ArrayList<>());
            if (!first.contains(p)) {
                first.add(p);
            }
        }
    }

    /** The full name ending in {@code surname} that the article gives nearest before, else first after. */
    private String fullName(String surname, char gender, int position) {
        String found = null;
        for (String full : fullNames) {
            String[] words = Names.normalize(full).split(" ");
            if (!words[words.length - 1].equals(surname)) {
                continue;
            }
            boolean male = MALE_NAMES.contains(words[0]) && !FEMALE_NAMES.contains(words[0]);
            boolean female = FEMALE_NAMES.contains(words[0]) && !MALE_NAMES.contains(words[0]);
            if (gender == 'm' && female || gender == 'f' && male) {
                continue;
            }
            if (found == null || text.indexOf(full) < position) {
                found = full;
            }
        }
        return found;
    }

    /** "The Tory co-chairman", "the prime minister": the person the article gave that role, or its main person. */
    private Person described(String description, int position) {
        String[] words = description.split(" ");
        String head = words[words.length - 1];
        Person best = null;
        int bestScore = 0;
        for (Person p : people) {
            for (String role : p.roles) {
                String[] roleWords = role.split(" ");
                if (!roleWords[roleWords.length - 1].equals(head)) {
                    continue;
                }
                int score = 1;
                for (String w : words) {
                    score += List.of(roleWords).contains(w) ? 1 : 0;
                }
                if (score > bestScore || score == bestScore && p.lastSeen > best.lastSeen) {
                    best = p;
                    bestScore = score;
                }
            }
        }
        if (best != null || !OFFICES.contains(description.replaceFirst("^(former|then|new) ", ""))) {
            return best;
        }
        // an office no one was given: the person mentioned most so far who holds no other role
        for (Person p : people) {
            if (p.roles.isEmpty() && p.lastSeen < position && (best == null || p.mentions > best.mentions
                    || p.mentions == best.mentions && p.lastSeen > best.lastSeen)) {
                best = p;
            }
        }
        if (best != null) {
            best.roles.add(description);
        }
        return best;
    }

    /** The person "he" or "she" at {@code position} most likely means: see the class comment. */
    private Person pronoun(char gender, int sentence, int position) {
        int last = mentions.size() - 1; // mentions come in text order, so only the last few are looked at
        for (int n = sentence; n >= 0 && n >= sentence - 4; n--) {
            List<Mention> in = new ArrayList<>();
            while (last >= 0 && mentions.get(last).sentence() >= n) {
                Mention m = mentions.get(last--);
                if (m.sentence() == n && m.start() < position) {
                    in.add(m);
                }
            }
            in.sort((a, b) -> Boolean.compare(b.subject(), a.subject()) != 0
                    ? Boolean.compare(b.subject(), a.subject()) : Integer.compare(b.start(), a.start()));
            for (Mention m : in) {
                if (m.person().gender == 0 || m.person().gender == gender) {
                    return m.person();
                }
            }
        }
        return null;
    }

    /** The person mentioned exactly at {@code start..end} (a trailing possessive aside), or null. */
    Person at(int start, int end) {
        Mention m = endingAt(start, end);
        return m != null && m.start() == start ? m.person() : null;
    }

    /** The last person mention that ends at {@code end} and starts at or after {@code start}. */
    Mention endingAt(int start, int end) {
        // mentions are in text order and do not overlap: find the first that starts at or after start
        int low = 0;
        int high = mentions.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (mentions.get(mid).start() < start) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        Mention found = null;
        for (int k = low; k < mentions.size() && mentions.get(k).start() < end; k++) {
            if (mentions.get(k).end() == end) {
                found = mentions.get(k);
            }
        }
        return found;
    }

    /**
     * Whether the word at {@code k} (before {@code limit}) continues a subject's noun phrase as part of a role: "The
     * Tory co-chairman", "The prime minister", so that a source span takes the whole mention.
     */
    static boolean isRoleWord(List<Token> t, int k, int limit) {
        Token w = t.get(k);
        if (!w.isWord() || Cues.weight(w.lower()) > 0) {
            return false;
        }
        return ROLES.contains(w.lower()) || k + 1 < limit && !w.isCapitalized() && ROLES.contains(t.get(k + 1).lower())
                && Cues.weight(t.get(k + 1).lower()) == 0;
    }

    /** The person last mentioned with this surname (or, alone, this first name), or null. */
    Person named(String word, int position) {
        String w = Names.normalize(word);
        Person found = null;
        for (Person p : people) {
            boolean named = p.surname().equals(w) || w.equals(p.firstName());
            if (named && (found == null || p.firstSeen < position && (found.firstSeen >= position
                    || p.lastSeen > found.lastSeen))) {
                found = p;
            }
        }
        return found;
    }
}
