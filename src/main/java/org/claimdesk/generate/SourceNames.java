package org.claimdesk.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Names the generated sources as the press would: people from the speakers of the statements, organisations after
 * their kind and country, each with the other names (aliases) they are also known by.
 */
final class SourceNames {

    /** A source's name, its country and the aliases it could have, most natural first. */
    record Named(String name, String country, List<String> aliases) {
    }

    private record Country(String code, String name, String adjective, String... cities) {
    }

    private static final List<Country> COUNTRIES = List.of(
            new Country("US", "the United States", "American", "Boston", "Denver", "Tampa"),
            new Country("GB", "the United Kingdom", "British", "Leeds", "Bristol", "Glasgow"),
            new Country("KR", "South Korea", "South Korean", "Busan", "Incheon", "Daegu"),
            new Country("KP", "North Korea", "North Korean", "Pyongyang", "Wonsan", "Hamhung"),
            new Country("JP", "Japan", "Japanese", "Osaka", "Sapporo", "Fukuoka"),
            new Country("DE", "Germany", "German", "Hamburg", "Leipzig", "Cologne"),
            new Country("FR", "France", "French", "Lyon", "Marseille", "Lille"),
            new Country("IN", "India", "Indian", "Pune", "Chennai", "Kolkata"),
            new Country("BR", "Brazil", "Brazilian", "Recife", "Curitiba", "Manaus"),
            new Country("ZA", "South Africa", "South African", "Durban", "Pretoria", "Soweto"),
            new Country("UA", "Ukraine", "Ukrainian", "Kharkiv", "Odesa", "Lviv"),
            new Country("RU", "Russia", "Russian", "Kazan", "Samara", "Omsk"),
            new Country("PL", "Poland", "Polish", "Gdansk", "Krakow", "Poznan"),
            new Country("NG", "Nigeria", "Nigerian", "Lagos", "Kano", "Ibadan"),
            new Country("MX", "Mexico", "Mexican", "Puebla", "Monterrey", "Tijuana"),
            new Country("TR", "Turkey", "Turkish", "Izmir", "Bursa", "Konya"),
            new Country("IR", "Iran", "Iranian", "Tabriz", "Shiraz", "Isfahan"),
            new Country("CN", "China", "Chinese", "Wuhan", "Chengdu", "Xiamen"),
            new Country("AU", "Australia", "Australian", "Perth", "Hobart", "Darwin"),
            new Country("CA", "Canada", "Canadian", "Halifax", "Calgary", "Winnipeg"),
            new Country("EG", "Egypt", "Egyptian", "Giza", "Luxor", "Aswan"),
            new Country("ID", "Indonesia", "Indonesian", "Medan", "Surabaya", "Bandung"),
            new Country("AR", "Argentina", "Argentine", "Rosario", "Mendoza", "Cordoba"),
            new Country("KE", "Kenya", "Kenyan", "Mombasa", "Kisumu", "Nakuru"));

    /** Countries where a made-up English town name ("Ashford", "Belmont") passes for a real place. */
    private static final Set<String> ENGLISH_SPEAKING = Set.of("US", "GB", "AU", "CA");
    private static final String[] TOWN_STARTS = { "Ash", "Bel", "Brook", "Clare", "Dun", "East", "Fair", "Glen",
            "Green", "Hal", "Kings", "Lake", "Mar", "North", "Oak", "Red", "Rock", "Sand", "Stone", "West", "Wood", "Whit",
            "Elm", "Pine" };
    private static final String[] TOWN_ENDS = { "ford", "mont", "field", "ton", "bury", "wick", "haven", "port",
            "dale", "worth", "ley", "bridge", "stead", "view", "by", "gate" };
    private static final String[] MINISTRIES = { "Energy", "Health", "Finance", "Defence", "Foreign Affairs",
            "Interior", "Education", "Agriculture", "Transport", "Justice", "Labour", "Environment", "Trade", "Housing",
            "Culture", "Digital Affairs", "Water Resources", "Emergency Situations" };
    private static final String[] PAPERS = { "Times", "Post", "Herald", "Gazette", "Chronicle", "Tribune", "Observer",
            "Courier", "Ledger", "Dispatch", "Monitor", "Journal", "Standard", "Express", "Sentinel", "Record" };
    private static final String[] PAPER_WORDS = { "Coastal", "Northern", "Southern", "Daily", "Evening", "Morning",
            "Sunday", "Weekly", "National", "Metropolitan", "Valley", "Harbour", "Independent", "Free" };
    private static final String[] CAUSES = { "Clean Water", "Open Government", "Press Freedom", "Fair Elections",
            "Human Rights", "Child Welfare", "Refugee Support", "Wildlife", "Public Health", "Digital Rights",
            "Transparency", "Food Security", "Clean Air", "Disability Rights" };
    private static final String[] INDUSTRIES = { "Energy", "Pharmaceuticals", "Motors", "Telecom", "Foods", "Airlines",
            "Steel", "Mining", "Logistics", "Shipping", "Semiconductors", "Insurance", "Chemicals", "Media" };
    private static final String[] COMPANY_SUFFIXES = { "Inc.", "Ltd", "Group", "Holdings", "Corporation", "plc" };
    private static final String[] TOPICS = { "Strategic", "Economic", "Energy", "Security", "Public Policy", "Defence",
            "Labour", "Fiscal", "Climate", "Regional", "Eurasian", "Pacific", "Migration", "Arctic" };
    private static final String[] ANALYST_WORDS = { "Meridian", "Keystone", "Northgate", "Bridgewater", "Lantern",
            "Compass", "Summit", "Harbour", "Cedar", "Atlas", "Beacon", "Granite" };
    private static final String[] UNITS = { "Mechanised", "Airborne", "Marine", "Artillery", "Armoured",
            "Mountain Infantry", "Air Assault", "Motor Rifle" };
    private static final String[] SPORTS = { "Football", "Rugby", "Basketball", "Cricket", "Hockey" };
    private static final Set<String> SMALL_WORDS = Set.of("of", "the", "for", "and", "&", "on", "in");
    /** Words that give a speaker away as an organisation, a medium or a crowd rather than one person. */
    private static final Set<String> NOT_A_PERSON = Set.of("party", "committee", "association", "pac", "union", "group",
            "email", "emails", "posts", "post", "image", "images", "blog", "posting", "foundation", "institute",
            "america", "american", "americans", "americas", "league", "council", "alliance", "project", "center",
            "centre", "coalition", "network", "news", "campaign", "fund", "chamber", "club", "society", "board",
            "department", "democrats", "republicans", "democratic", "republican", "gop", "national", "action",
            "organization", "voters", "citizens", "people", "workers", "federation", "families", "media", "times",
            "tv", "radio", "press", "report", "daily", "online", "website", "web", "ad", "ads", "tweet", "twitter",
            "facebook", "youtube", "viral", "various", "state", "county", "city", "office", "bureau", "agency",
            "service", "university", "college", "school", "for", "the", "of", "and", "on", "against", "health", "care",
            "energy", "freedom", "liberty", "future", "progress", "majority", "priorities", "rising", "forward",
            "today", "now", "usa", "us", "first", "change", "reform", "taxpayers", "super", "public", "policy",
            "research", "watch", "inc", "company", "corp", "administration", "government", "senate", "house",
            "congress", "legislature", "caucus", "youth", "women", "men", "students", "team", "staff", "message",
            "letter", "survey", "poll", "mailer", "flyer", "video", "meme", "chain", "internet", "social", "leaders",
            "not", "no", "yes", "vote", "votes", "stop", "save", "protect", "keep", "friends", "defenders", "empower",
            "texans", "floridians", "korea", "texas", "florida", "ohio", "oregon", "georgia", "wisconsin", "virginia",
            "jersey", "york", "austin", "atlanta", "portland", "providence", "rhode", "island", "dead", "blue",
            "list", "attack", "dog", "are", "lets", "get", "defending", "liberals", "conservatives", "heckler", "main",
            "street", "slip");
    /** Parties of the LIAR data that only people have; a name of three or four parts counts only with one of them. */
    private static final Set<String> PERSONAL_PARTIES = Set.of("republican", "democrat", "independent", "libertarian",
            "green", "journalist", "columnist", "talk-show-host", "activist", "state-official", "newsmaker",
            "business-leader", "labor-leader", "education-official", "tea-party-member");
    private static final Set<String> NAME_SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");

    private SourceNames() {
    }

    /**
     * Whether a LIAR speaker is one person: parts of letters, none of them a word of an organisation's or a medium's
     * name; two parts unless marked as an organisation, three or four only with a party or role that only people have
     * (organisations' names are often three words).
     */
    static boolean isPerson(String speaker, String party) {
        if (party.equals("organization") || party.equals("government-body")) {
            return false;
        }
        String[] parts = speaker.toLowerCase(Locale.ROOT).split("-");
        if (parts.length < 2 || parts.length > 4 || parts[parts.length - 1].length() < 2
                || parts.length > 2 && !PERSONAL_PARTIES.contains(party)) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || !part.chars().allMatch(c -> c >= 'a' && c <= 'z') || NOT_A_PERSON.contains(part)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A speaker's slug as a name: {@code john-mccain} becomes "John McCain", a one-letter part an initial,
     * {@code jr} "Jr." and {@code iii} "III".
     */
    static String humanise(String speaker) {
        StringBuilder name = new StringBuilder();
        for (String part : speaker.toLowerCase(Locale.ROOT).split("-")) {
            if (part.isEmpty()) {
                continue;
            }
            name.append(name.isEmpty() ? "" : " ");
            if (part.startsWith("i") && NAME_SUFFIXES.contains(part)) {
                name.append(part.toUpperCase(Locale.ROOT));
                continue;
            }
            name.append(Character.toUpperCase(part.charAt(0)));
            if (part.length() == 1) {
                name.append('.');
            } else if (NAME_SUFFIXES.contains(part)) {
                name.append(part, 1, part.length()).append('.');
            } else if (part.startsWith("mc") && part.length() > 3) {
                name.append("c").append(Character.toUpperCase(part.charAt(2))).append(part, 3, part.length());
            } else {
                name.append(part, 1, part.length());
            }
        }
        return name.toString();
    }

    /**
     * The {@code i}-th person (from 0): one of the speakers while they last, then the first name of one speaker with
     * the surname of another.
     */
    static String personName(Random random, List<String> speakers, int i) {
        if (i < speakers.size()) {
            return speakers.get(i);
        }
        String first = speakers.get(random.nextInt(speakers.size()));
        return first.substring(0, first.indexOf(' ')) + " " + surname(speakers.get(random.nextInt(speakers.size())));
    }

    /** A person's aliases: the surname, and the first name's initial with the surname. */
    static Named person(String name) {
        return new Named(name, "US", List.of(surname(name), name.charAt(0) + ". " + surname(name)));
    }

    /** The last part of a person's name that is not "Jr." or the like. */
    static String surname(String name) {
        String[] parts = name.split(" ");
        int last = parts.length - 1;
        while (last > 0 && NAME_SUFFIXES.contains(parts[last].replace(".", "").toLowerCase(Locale.ROOT))) {
            last--;
        }
        return parts[last];
    }

    /**
     * Initials of a name's words, without the small ones: "Korean Central News Agency" gives "KCNA". Null unless the
     * name has three to five such words and no number: fewer initials say nothing, more nobody would say.
     */
    static String acronym(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.split("[\\s-]+")) {
            if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
                return null; // nobody calls the 29th Armoured Brigade "AB"
            }
            if (!word.isEmpty() && !SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT))
                    && Character.isLetter(word.charAt(0))) {
                initials.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return initials.length() >= 3 && initials.length() <= 5 ? initials.toString() : null;
    }

    /** An organisation of the given kind (any kind but person), named as such a body usually is. */
    static Named organisation(Random random, String kind, List<String> surnames) {
        Country c = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
        String city = ENGLISH_SPEAKING.contains(c.code) && random.nextBoolean()
                ? pick(random, TOWN_STARTS) + pick(random, TOWN_ENDS)
                : c.cities[random.nextInt(c.cities.length)];
        int form = random.nextInt(4);
        List<String> aliases = new ArrayList<>();
        String name = switch (kind) {
            case "government" -> {
                String ministry = pick(random, MINISTRIES);
                if (form >= 2) {
                    aliases.add(city + (form == 2 ? " " + ministry + " Department" : " Council"));
                    yield city + (form == 2 ? " Department of " + ministry : " City Council");
                }
                aliases.add(c.adjective + " " + ministry + " Ministry");
                aliases.add(bare(c.name) + "'s " + ministry + " ministry");
                yield form == 0 ? "Ministry of " + ministry + " of " + c.name
                        : c.adjective + " Ministry of " + ministry;
            }
            case "news_outlet" -> {
                String paper = pick(random, PAPERS);
                yield switch (form) {
                    case 0 -> "The " + city + " " + paper;
                    case 1 -> "The " + pick(random, PAPER_WORDS) + " " + paper;
                    case 2 -> city + " " + pick(random, PAPER_WORDS) + " " + paper;
                    default -> city + " Public Radio";
                };
            }
            case "state_media" -> {
                if (form < 3) {
                    aliases.add(bare(c.name) + "'s state media");
                }
                yield switch (form) {
                    case 0 -> c.adjective + " Central News Agency";
                    case 1 -> c.adjective + " State Television";
                    case 2 -> "Voice of " + c.name;
                    default -> city + pick(random, " State Radio and Television Company", " Regional Television",
                            " State Broadcasting Service");
                };
            }
            case "ngo" -> {
                String cause = pick(random, CAUSES);
                yield switch (form) {
                    case 0 -> "Coalition for " + cause;
                    case 1 -> cause + " Watch " + bare(c.name);
                    case 2 -> city + " " + cause + " Network";
                    default -> "Foundation for " + cause + " in " + c.name;
                };
            }
            case "company" -> {
                String founder = surnames.isEmpty() ? city : surnames.get(random.nextInt(surnames.size()));
                String trading = switch (form) {
                    case 0, 1 -> founder;
                    case 2 -> c.adjective;
                    default -> city;
                } + " " + pick(random, INDUSTRIES);
                aliases.add(trading);
                yield trading + " " + pick(random, COMPANY_SUFFIXES);
            }
            case "analysts" -> {
                String topic = pick(random, TOPICS);
                yield switch (form) {
                    case 0 -> "Institute for " + topic + " Studies";
                    case 1 -> pick(random, ANALYST_WORDS) + " " + topic + " Analytics";
                    case 2 -> "Center for " + topic + " Analysis in " + c.name;
                    default -> surnames.isEmpty() ? pick(random, ANALYST_WORDS) + " Research"
                            : surnames.get(random.nextInt(surnames.size())) + " & "
                                    + surnames.get(random.nextInt(surnames.size())) + " Research";
                };
            }
            case "military" -> {
                if (form == 0) {
                    String branch = pick(random, "Army", "Navy", "Air Force", "Ground Forces");
                    aliases.add(bare(c.name) + "'s " + branch.toLowerCase(Locale.ROOT));
                    yield c.adjective + " " + branch;
                } else if (form == 1) {
                    aliases.add(c.adjective + " General Staff");
                    yield "General Staff of the Armed Forces of " + c.name;
                }
                String brigade = ordinal(1 + random.nextInt(150)) + " " + pick(random, UNITS) + " Brigade";
                aliases.add(c.adjective + " " + brigade);
                yield brigade + " of " + c.name;
            }
            case "intelligence_agency" -> {
                aliases.add(c.adjective + " intelligence");
                yield switch (form) {
                    case 0 -> c.adjective + " " + pick(random, "Foreign Intelligence Service", "Security Service",
                            "Signals Intelligence Agency", "Defence Intelligence");
                    case 1 -> "National Intelligence Agency of " + c.name;
                    case 2 -> "Military Intelligence Directorate of " + c.name;
                    default -> city + pick(random, " Directorate of the " + c.adjective + " Security Service",
                            " Counter-intelligence Bureau");
                };
            }
            case "other" -> switch (form) {
                case 0 -> {
                    aliases.add(city + " Chamber");
                    yield city + " Chamber of Commerce";
                }
                case 1 -> city + " " + pick(random, SPORTS) + " Club";
                case 2 -> {
                    aliases.add(city + " University");
                    yield "University of " + city;
                }
                default -> c.adjective + " " + pick(random, "Medical", "Bar", "Farmers'", "Teachers'")
                        + " Association";
            };
            default -> throw new IllegalArgumentException("No organisation is of kind " + kind + ".");
        };
        String acronym = acronym(name);
        if (acronym != null) {
            aliases.add(0, acronym);
        }
        if (name.startsWith("The ")) {
            aliases.add(0, name.substring(4));
        }
        return new Named(name, c.code, aliases);
    }

    /**
     * {@code name} if no source is called so yet, whatever the case, or else the first of "name 2", "name 3"... that
     * is free; the result is added to {@code taken}, which holds lower-case names.
     */
    static String unique(String name, Set<String> taken) {
        String unique = name;
        for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
            unique = name + " " + n;
        }
        return unique;
    }

    /**
     * One to three of a source's possible aliases, skipping any that is already a name or an alias of a source, and
     * adds those chosen to {@code taken}.
     */
    static List<String> aliases(Random random, Named source, Set<String> taken) {
        int wanted = 1 + random.nextInt(3);
        Set<String> chosen = new LinkedHashSet<>();
        for (String alias : source.aliases()) {
            if (chosen.size() < wanted && !alias.equalsIgnoreCase(source.name())
                    && taken.add(alias.toLowerCase(Locale.ROOT))) {
                chosen.add(alias);
            }
        }
        return List.copyOf(chosen);
    }

    private static String bare(String countryName) {
        return countryName.startsWith("the ") ? countryName.substring(4) : countryName;
    }

    private static String ordinal(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static String pick(Random random, String... words) {
        return words[random.nextInt(words.length)];
    }
}
