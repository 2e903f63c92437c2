package org.claimdesk.article.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ArticleCleanerTest {

    @Test
    void textWithoutBoilerplateComesBackExactly() {
        String text = "  Seoul said on Monday that two missiles were fired.\r\n\r\nRelated talks resumed in May.\n\n\n"
                + "Copyright law was not discussed.\n";
        CleanedArticle cleaned = ArticleCleaner.fromText(text);
        assertSame(text, cleaned.text());
        assertFalse(cleaned.boilerplateRemoved());
        assertNull(cleaned.title());
    }

    @Test
    void readMoreListsSharePromptsAndFootersGoFromText() {
        String text = "Seoul said two missiles were fired.\nShare this article\n\nRead more:\nMissiles fly again\n"
                + "Five things to know about Seoul\n\nThe launch came a day after talks.\nSubscribe to our newsletter"
                + "\nFollow us on Twitter\n© 2025 Daily Planet. All rights reserved.\nTerms of use";
        CleanedArticle cleaned = ArticleCleaner.fromText(text);
        assertEquals("Seoul said two missiles were fired.\n\nThe launch came a day after talks.", cleaned.text());
        assertTrue(cleaned.boilerplateRemoved());
    }

    @Test
    void htmlKeepsParagraphsAndTakesTitleAndDateFromMetaTags() {
        String html = """
                <html><head><title>Site | Missiles</title>
                <meta property="og:title" content="Missiles fired into the sea">
                <meta property="article:published_time" content="2025-05-10T07:30:00+09:00">
                <script>var x = "said";</script></head>
                <body><nav><a href="/">Home</a></nav>
                <article><h1>Missiles fired into the sea</h1>
                <div class="share-bar"><a>Facebook</a><a>Twitter</a></div>
                <p>Seoul said two   missiles were <b>fired</b>.</p>
                <p>Japan confirmed the launch.<br>It protested.</p>
                <h3>Related</h3><ul><li><a href="/a">Missiles fly again</a></li><li><a href="/b">More</a></li></ul>
                <p>The launch came a day after talks, officials said, and drew wide criticism from the region's
                governments and from analysts in Washington and Tokyo.</p>
                <aside>Sign up for our newsletter</aside>
                <h2>You may also like</h2><p>Africa's most dangerous city</p><p>Perishers - 10th May 2025</p>
                </article><footer>© 2025 Daily Planet</footer></body></html>
                """;
        CleanedArticle cleaned = ArticleCleaner.fromHtml(html);
        assertEquals("Missiles fired into the sea", cleaned.title());
        assertEquals(LocalDate.of(2025, 5, 10), cleaned.publishedOn());
        assertEquals("Seoul said two missiles were fired.\n\nJapan confirmed the launch.\nIt protested.\n\n"
                + "The launch came a day after talks, officials said, and drew wide criticism from the region's "
                + "governments and from analysts in Washington and Tokyo.", cleaned.text());
    }

    @Test
    void htmlWithoutMetaTagsFallsBackToTitleAndTimeElements() {
        CleanedArticle cleaned = ArticleCleaner.fromHtml("<html><head><title>A plain page</title></head><body>"
                + "<p>Published <time datetime=\"2024-11-02\">2 November</time></p><p>Text.</p></body></html>");
        assertEquals("A plain page", cleaned.title());
        assertEquals(LocalDate.of(2024, 11, 2), cleaned.publishedOn());
        assertEquals("Published 2 November\n\nText.", cleaned.text());
    }

    @Test
    void theSampleLosesEverythingFromYouMayAlsoLike() {
        String text = "Pyongyang said it had sent troops.\nYou may also like\nAfrica's most dangerous city\n"
                + "Perishers - 10th May 2025";
        assertEquals("Pyongyang said it had sent troops.", ArticleCleaner.fromText(text).text());
    }

    @Test
    void controlCharactersAndReplacementCharactersAreRemovedWhileDirectionMarksAndIsolatesStay() {
        CleanedArticle cleaned = ArticleCleaner.fromText("A\u0083B\u001bC\uFFFDD\u202AE\u200EF\u2067G\u2069\tH\nI\u0000");
        assertEquals("ABCDE\u200EF\u2067G\u2069\tH\nI", cleaned.text());
        assertEquals(5, cleaned.invisibleRemoved());
        assertEquals(0, ArticleCleaner.fromText("Plain text.").invisibleRemoved());
    }
}
