package org.claimdesk.article.extraction;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns pasted text or an uploaded HTML page into an article's clean text. Page furniture goes: lists under "You may
 * also like", "Read more" or "Related", share and subscribe prompts, and footers. Paragraph breaks stay.
 */
public final class ArticleCleaner {

    /** A line that starts what is left of the page after the article: everything from it on goes. */
    private static final Pattern TAIL = Pattern.compile("(you (may|might) (also )?(like|enjoy)|recommended( for you| "
            + "stories| reading)?|most (read|popular|viewed|shared)|more (from|stories|news|top stories)( .{0,40})?"
            + "|around the web|trending( now)?|more on this( story| topic)?|top stories|what to read next|read next"
            + "|sponsored( content| stories)?|comments|\\d+ comments|join the conversation|latest (news|stories)"
            + "|(©|\\(c\\)|copyright)( ©)? ?\\d{4}.*|all rights reserved.*)");
    /** A line that heads a list of links: it goes with the short lines under it. */
    private static final Pattern LIST = Pattern.compile("(read more|related( articles| stories| content| coverage|"
            + " links| topics| reading)?|see also|also read|more on this story|read also|further reading)"
            + "( ?[:»›>\\-–].{0,100})?");
    /** A line that only asks the reader to do something. */
    private static final Pattern PROMPT = Pattern.compile("(share( this( article| story| page)?)?( on \\w+)?"
            + "|tweet|email|print|copy link|listen to this article|advertisement|ad|skip advert(isement)?"
            + "|(subscribe|sign up|follow us|click here|download (our|the) app|get (our|the) \\w+ newsletter"
            + "|get the latest)\\b.{0,120}|(facebook|twitter|whatsapp|linkedin|reddit|email)"
            + "([ |,/]+(facebook|twitter|whatsapp|linkedin|reddit|email|x))*)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int LINK_WORDS = 25;
    private static final Pattern JUNK_CLASS = Pattern.compile("(?i)(^|[\\s_-])(share|sharing|social|subscribe|"
            + "subscription|newsletter|related|recommend\\w*|promo|advert\\w*|ads?|cookie\\w*|comments?|breadcrumbs?"
            + "|signup|paywall|outbrain|taboola|more-stories|read-more|readmore|tags)($|[\\s_-])");
    private static final String[] TITLE_META = {"og:title", "twitter:title", "dc.title", "headline", "title"};
    private static final String[] DATE_META = {"article:published_time", "og:published_time", "datePublished",
        "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created",
        "sailthru.date", "parsely-pub-date", "article.published", "og:article:published_time"};
    private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private ArticleCleaner() {
    }

    /** Plain text as pasted or uploaded; when nothing is page furniture the text comes back exactly as given. */
    public static CleanedArticle fromText(String text) {
        String visible = removeInvisible(text);
        int invisible = text.length() - visible.length();
        String cleaned = removeBoilerplate(visible);
        boolean removed = !cleaned.equals(visible);
        return new CleanedArticle(removed ? cleaned : visible, null, null, removed, invisible);
    }

    /**
     * Whether an article's text drops {@code c}: C0 and C1 control characters other than tab and line breaks (a
     * stray U+0083 or ESC left by a bad encoding), U+FFFD and the noncharacters U+FFFE and U+FFFF (bytes that were
     * not text), and the embeddings and overrides U+202A to U+202E, which make stored text display in another
     * order. Direction marks (U+200E, U+200F, U+061C) and isolates (U+2066 to U+2069) are text and stay.
     */
    public static boolean isInvisible(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f || c == 0xfffd || c == 0xfffe
                || c == 0xffff || c >= 0x202a && c <= 0x202e;
    }

    /** The text without what {@link #isInvisible} drops, and without lone surrogates; the text itself when clean. */
    public static String removeInvisible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            boolean drop = dropsAt(text, i);
            if (drop && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!drop && out != null) {
                out.append(text.charAt(i));
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether the char at {@code i} goes: see {@link #isInvisible}; half a surrogate pair is no text either. */
    public static boolean dropsAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return isInvisible(c);
    }

    /** An HTML page: the article's paragraphs, its title and its publication date from meta tags when present. */
    public static CleanedArticle fromHtml(String html) {
        Document doc = Jsoup.parse(html);
        String title = meta(doc, TITLE_META);
        if (title == null && !doc.title().isBlank()) {
            title = doc.title().strip();
        }
        Element h1 = doc.selectFirst("h1");
        if (title == null && h1 != null && !h1.text().isBlank()) {
            title = h1.text().strip();
        }
        LocalDate date = date(meta(doc, DATE_META));
        if (date == null) {
            Element time = doc.selectFirst("time[datetime]");
            date = time == null ? null : date(time.attr("datetime"));
        }
        Element root = doc.selectFirst("article");
        if (root == null || root.text().length() < 200) {
            root = doc.selectFirst("main");
        }
        if (root == null || root.text().length() < 200) {
            root = doc.body();
        }
        root.select("script, style, noscript, iframe, svg, form, button, nav, aside, footer, figure, template,"
                + " select, input, textarea").remove();
        for (Element e : root.select("*")) {
            if (e != root && e.parent() != null && JUNK_CLASS.matcher(e.className() + " " + e.id()).find()) {
                e.remove();
            }
        }
        removeLinkLists(root);
        List<String> paragraphs = paragraphs(root);
        if (!paragraphs.isEmpty() && title != null
                && Names.normalize(paragraphs.get(0)).equals(Names.normalize(title))) {
            paragraphs.remove(0);
        }
        String joined = String.join("\n\n", paragraphs);
        String visible = removeInvisible(joined);
        String text = removeBoilerplate(visible);
        return new CleanedArticle(text, title == null ? null : removeInvisible(title), date, true,
                joined.length() - visible.length());
    }

    /** Headings such as "Related" or "You may also like", with the links under them. */
    private static void removeLinkLists(Element root) {
        for (Element e : root.select("h1, h2, h3, h4, h5, h6, p, div, span, strong, b, header, section > *")) {
            if (e.parent() == null || e.text().length() > 60 || e.childrenSize() > 2) {
                continue;
            }
            String line = lineKey(e.text());
            boolean tail = TAIL.matcher(line).matches();
            if (!tail && !LIST.matcher(line).matches()) {
                continue;
            }
            Element holder = e;
            while (holder.parent() != null && holder.parent() != root && holder.siblingElements().isEmpty()) {
                holder = holder.parent();
            }
            List<Element> after = new ArrayList<>();
            for (Element next = holder.nextElementSibling(); next != null; next = next.nextElementSibling()) {
                if (!tail && !isLinkList(next)) {
                    break;
                }
                after.add(next);
            }
            after.forEach(Element::remove);
            holder.remove();
        }
    }

    private static boolean isLinkList(Element e) {
        int linked = e.select("a").text().length();
        return e.is("ul, ol") || linked > 0 && linked >= e.text().length() * 0.6;
    }

    private static List<String> paragraphs(Element root) {
        StringBuilder out = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    // line breaks in the HTML source are spaces; only <br> and blocks break lines
                    out.append(text.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element e) {
                    if (e.is("br")) {
                        out.append('\n');
                    } else if (e.isBlock() || e.is("li, p, h1, h2, h3, h4, h5, h6, blockquote, tr")) {
                        out.append("\n\n");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e
                        && (e.isBlock() || e.is("li, p, h1, h2, h3, h4, h5, h6, blockquote, tr"))) {
                    out.append("\n\n");
                }
            }
        });
        List<String> paragraphs = new ArrayList<>();
        for (String block : out.toString().split("\\n\\s*\\n")) {
            String p = block.replace('\u00a0', ' ').replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\\n ?", "\n")
                    .strip();
            if (!p.isEmpty()) {
                paragraphs.add(p);
            }
        }
        return paragraphs;
    }

    /** Drops furniture lines from text; returns the input itself when there are none. */
    static String removeBoilerplate(String text) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                lines.add(new int[] {start, Math.min(i + 1, text.length())});
                start = i + 1;
            }
        }
        boolean[] drop = new boolean[lines.size()];
        boolean any = false;
        boolean seenArticle = false;
        for (int n = 0; n < lines.size(); n++) {
            String raw = text.substring(lines.get(n)[0], lines.get(n)[1]).strip();
            if (raw.isEmpty()) {
                continue;
            }
            String line = lineKey(raw);
            if (seenArticle && raw.length() <= 80 && TAIL.matcher(line).matches()) {
                for (int k = n; k < lines.size(); k++) {
                    drop[k] = true;
                }
                any = true;
                break;
            }
            if (raw.length() <= 120 && LIST.matcher(line).matches()) {
                drop[n] = true;
                any = true;
                for (int k = n + 1; k < lines.size(); k++) {
                    String next = text.substring(lines.get(k)[0], lines.get(k)[1]).strip();
                    if (next.isEmpty() && k + 1 < lines.size()
                            && isLinkLine(text.substring(lines.get(k + 1)[0], lines.get(k + 1)[1]).strip())) {
                        drop[k] = true;
                        continue;
                    }
                    if (!isLinkLine(next)) {
                        break;
                    }
                    drop[k] = true;
                    n = k;
                }
                continue;
            }
            if (raw.length() <= 140 && PROMPT.matcher(line).matches()) {
                drop[n] = true;
                any = true;
                continue;
            }
            seenArticle = true;
        }
        if (!any) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int n = 0; n < lines.size(); n++) {
            if (!drop[n]) {
                kept.append(text, lines.get(n)[0], lines.get(n)[1]);
            }
        }
        return kept.toString().replaceAll("\\n[ \\t]*\\n([ \\t]*\\n)+", "\n\n").stripTrailing();
    }

    /** A headline-like line of a link list: short, with no full stop at its end. */
    private static boolean isLinkLine(String line) {
        if (line.isEmpty() || line.length() > 200) {
            return false;
        }
        Matcher words = WORD.matcher(line);
        int count = 0;
        while (words.find()) {
            count++;
        }
        char last = line.charAt(line.length() - 1);
        return count <= LINK_WORDS && last != '.' && last != '"' && last != '”' && last != ':';
    }

    private static String lineKey(String line) {
        return line.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s:»›>|]+$", "").replaceAll("\\s+", " ");
    }

    private static String meta(Document doc, String... names) {
        for (String name : names) {
            for (Element m : doc.select("meta[content]")) {
                if (name.equalsIgnoreCase(m.attr("property")) || name.equalsIgnoreCase(m.attr("name"))
                        || name.equalsIgnoreCase(m.attr("itemprop"))) {
                    String content = m.attr("content").strip();
                    if (!content.isEmpty()) {
                        return content;
                    }
                }
            }
        }
        return null;
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher iso = ISO_DAY.matcher(value);
        if (iso.find()) {
            try {
                if (value.length() > 10 && value.charAt(10) == 'T') {
                    return OffsetDateTime.parse(value.strip()).toLocalDate();
                }
            } catch (DateTimeParseException e) {
                // a timestamp without an offset: its day is what the page says
            }
            try {
                return LocalDate.parse(iso.group());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        for (String pattern : new String[] {"d MMMM yyyy", "MMMM d, yyyy", "MMM d, yyyy", "d MMM yyyy"}) {
            try {
                return LocalDate.parse(value.strip(), DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH));
            } catch (DateTimeParseException e) {
                // next pattern
            }
        }
        return null;
    }
}
