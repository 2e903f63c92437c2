package org.claimdesk.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PastedPostTest {

    @Test
    void anEmbeddedTweetLosesItsLinksHandleAndDateButKeepsItsAuthor() {
        assertEquals("The US drone attack on Soleimani caught on camera. Iran Usa. Olaudah Equiano®",
                PastedPost.clean("The US drone attack on #Soleimani caught on camera.#IranUsapic.twitter.com/TvRkHvlgby"
                        + " — Olaudah Equiano® (@RealOlaudah) January 6, 2020"));
        assertEquals("Minecraft is NOT stopping, Mojang is NOT closing. Minecraft. Helen Z",
                PastedPost.clean("Minecraft is NOT stopping, Mojang is NOT closing. #Minecrafthttps://t.co/V4Lzv97qOc"
                        + " — Helen Z (@HelenAngel) January 2, 2020"));
    }

    @Test
    void mentionsAndCamelCaseTagsBecomeWords() {
        assertEquals("Every reporter must now ask Lindsey Graham SC about Free Iran 2020",
                PastedPost.clean("Every reporter must now ask @LindseyGrahamSC about #FreeIran2020"));
    }

    @Test
    void plainSentencesAndArticlesAreKeptAsTyped() {
        String sentence = "Biden has the biggest house in Delaware";
        assertEquals(sentence, PastedPost.clean(sentence));
        String article = "KCNA reported that Kim Jong Un praised efforts to double shell production - a claim "
                + "analysts doubt.\nSouth Korea's National Intelligence Service believes about 15,000 workers were "
                + "sent to Russia (officials said on Monday), and the email press@nis.go.kr answered questions. "
                + "Item #3 on the agenda was C# training.";
        assertEquals(article, PastedPost.clean(article));
    }

    @Test
    void aTextOfNothingButALinkIsKeptRatherThanEmptied() {
        assertEquals("https://t.co/abc", PastedPost.clean(" https://t.co/abc "));
    }
}
