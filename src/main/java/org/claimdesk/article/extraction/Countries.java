package org.claimdesk.article.extraction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How news text names a country: its names, demonyms, capital and seat of government, by ISO 3166 code. "South
 * Korean intelligence" and "Pyongyang" resolve through it to a country's sources.
 */
final class Countries {

    private static final Map<String, String> BY_FORM = new HashMap<>();

    static {
        add("KP", "north korea", "north korean", "north koreans", "pyongyang", "dprk",
                "democratic people's republic of korea");
        add("KR", "south korea", "south korean", "south koreans", "seoul", "republic of korea", "rok");
        add("JP", "japan", "japanese", "tokyo");
        add("RU", "russia", "russian", "russians", "moscow", "kremlin", "the kremlin", "russian federation");
        add("UA", "ukraine", "ukrainian", "ukrainians", "kyiv", "kiev");
        add("CN", "china", "chinese", "beijing", "prc");
        add("TW", "taiwan", "taiwanese", "taipei");
        add("US", "united states", "u.s.", "us", "u.s", "usa", "america", "american", "americans", "washington",
                "white house", "the white house", "the united states");
        add("GB", "united kingdom", "uk", "u.k.", "britain", "great britain", "british", "london", "downing street");
        add("FR", "france", "french", "paris", "elysee");
        add("DE", "germany", "german", "berlin");
        add("IR", "iran", "iranian", "tehran");
        add("IL", "israel", "israeli", "jerusalem");
        add("IN", "india", "indian", "new delhi");
        add("PK", "pakistan", "pakistani", "islamabad");
        add("SY", "syria", "syrian", "damascus");
        add("TR", "turkey", "turkish", "turkiye", "ankara");
        add("SA", "saudi arabia", "saudi", "riyadh");
        add("EU", "european union", "eu", "brussels");
        add("MX", "mexico", "mexican", "mexico city");
        add("CA", "canada", "canadian", "ottawa");
        add("AU", "australia", "australian", "canberra");
        add("BY", "belarus", "belarusian", "minsk");
        add("PL", "poland", "polish", "warsaw");
        add("IT", "italy", "italian", "rome");
        add("ES", "spain", "spanish", "madrid");
        add("VN", "vietnam", "vietnamese", "hanoi");
        add("PH", "philippines", "philippine", "filipino", "manila");
    }

    private Countries() {
    }

    private static void add(String code, String... forms) {
        for (String form : forms) {
            BY_FORM.put(Names.normalize(form), code);
        }
    }

    /** Every form of a country's name, normalized. */
    static List<String> forms(String code) {
        return BY_FORM.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey).sorted()
                .toList();
    }

    static java.util.Set<String> firstWords() {
        java.util.Set<String> first = new java.util.HashSet<>();
        for (String form : BY_FORM.keySet()) {
            first.add(form.split(" ")[0]);
        }
        return first;
    }

    /** The country a normalized word sequence names, or null. */
    static String code(String normalized) {
        return BY_FORM.get(normalized);
    }

    /** The country named by the leading words of a normalized mention, with how many words name it; or null. */
    static Match leading(List<String> words) {
        for (int n = Math.min(4, words.size()); n >= 1; n--) {
            String code = BY_FORM.get(String.join(" ", words.subList(0, n)));
            if (code != null) {
                return new Match(code, n);
            }
        }
        return null;
    }

    record Match(String code, int words) {
    }
}
