package org.claimdesk.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.claimdesk.article.Article;
import org.claimdesk.article.extraction.KnownSource;
import org.claimdesk.match.ClaimVectors;
import org.claimdesk.claim.Claim;
import org.claimdesk.claim.ClaimLink;
import org.claimdesk.claim.ClaimRules;
import org.claimdesk.claim.LinkKind;
import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.system.ClaimdeskConfig;
import org.claimdesk.system.EmbeddedDatabase;
import org.claimdesk.system.FieldErrors;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * Gives a newcomer a working desk: on the first start of an empty database, loads the sample article about North
 * Korea's shell production with its sources and the attributed claims of its hand-annotated gold file.
 */
public class DemoDesk {

    private static final Logger LOG = Logger.getLogger(DemoDesk.class);
    private static final String FOLDER = "/org/claimdesk/demo/";
    static final String ARTICLE = "kcna-shells-article.txt";
    static final String GOLD = "kcna-shells-article.gold.json";
    static final String TITLE = "Kim Jong Un demands more artillery shells as North Korea backs Russia's war";

    /** The sources the sample cites, under the canonical names of the gold file. */
    record DemoSource(String name, SourceKind kind, String country, String website, String description,
            List<String> aliases) {
    }

    static final List<DemoSource> SOURCES = List.of(
            new DemoSource("Korean Central News Agency (KCNA)", SourceKind.state_media, "KP", "http://www.kcna.kp",
                    "North Korea's state news agency, the official voice of its government.",
                    List.of("KCNA", "Korean Central News Agency", "North Korea's official news agency")),
            new DemoSource("National Intelligence Service (South Korea)", SourceKind.intelligence_agency, "KR",
                    "https://www.nis.go.kr", "South Korea's intelligence agency; briefs lawmakers behind closed doors.",
                    List.of("NIS", "National Intelligence Service", "South Korea's National Intelligence Service",
                            "South Korean intelligence")),
            new DemoSource("Government of South Korea", SourceKind.government, "KR", null, "",
                    List.of("South Korea", "Seoul", "Republic of Korea")),
            new DemoSource("Government of Japan", SourceKind.government, "JP", null, "", List.of("Japan", "Tokyo")),
            new DemoSource("Government of North Korea", SourceKind.government, "KP", null, "",
                    List.of("North Korea", "Pyongyang", "DPRK", "Democratic People's Republic of Korea")),
            new DemoSource("Vladimir Putin", SourceKind.person, "RU", null, "President of Russia.",
                    List.of("Putin", "President Vladimir Putin", "Russian President Vladimir Putin")),
            new DemoSource("Unnamed geopolitical analysts", SourceKind.analysts, null, null,
                    "Analysts quoted without names or affiliations.", List.of("Geopolitical analysts", "analysts")));

    /**
     * The demo sources as the extractor's registry, numbered from 1 in the order above: what a desk that has
     * loaded the demo knows, for evaluations and tests that run without a database.
     */
    public static List<KnownSource> registry() {
        List<KnownSource> registry = new ArrayList<>();
        for (DemoSource s : SOURCES) {
            registry.add(new KnownSource(registry.size() + 1, s.name(), s.aliases(), s.kind(), s.country()));
        }
        return registry;
    }

    /** Tags a newsroom would give the sample's claims, by a word in the statement. */
    private static final Map<String, String> TAGS = Map.of(
            "shell", "munitions", "15,000", "figures", "casualties", "casualties", "troops", "deployments",
            "workers", "deployments", "missiles", "missiles", "compensated", "missiles");

    @Inject
    ClaimdeskConfig config;

    @Inject
    EntityManager em;

    @Inject
    ClaimVectors vectors;

    @Inject
    ObjectMapper json;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        boolean on = config.demo().orElse(EmbeddedDatabase.isRunning());
        if (!on) {
            return;
        }
        // two instances starting at once on one empty database load it once
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('claimdesk-demo'))").getSingleResult();
        if (Source.count() > 0 || Claim.count() > 0) {
            return;
        }
        int claims = load();
        LOG.infof("Loaded the demo desk: the sample article, %d sources and %d claims (CLAIMDESK_DEMO=false turns this "
                + "off).", SOURCES.size(), claims);
    }

    int load() {
        JsonNode gold = readJson(GOLD);
        String text = read(ARTICLE);
        String boilerplate = gold.path("boilerplate_starts_at").asText();
        int cut = boilerplate.isEmpty() ? -1 : text.indexOf(boilerplate);
        Article article = new Article();
        article.title = TITLE;
        article.body = (cut < 0 ? text : text.substring(0, cut)).stripTrailing();
        article.persist();

        Map<String, Source> sources = new LinkedHashMap<>();
        for (DemoSource demo : SOURCES) {
            Source source = new Source();
            source.name = demo.name();
            source.kind = demo.kind();
            source.country = demo.country();
            source.website = demo.website();
            source.description = demo.description();
            source.aliases = new ArrayList<>(demo.aliases());
            source.persist();
            sources.put(demo.name(), source);
        }

        int count = 0;
        for (JsonNode item : gold.path("required")) {
            String sentence = item.path("sentence").asText();
            int start = article.body.indexOf(sentence);
            List<Claim> made = new ArrayList<>();
            for (JsonNode name : item.path("sources")) {
                Source source = sources.get(name.asText());
                if (source == null) {
                    throw new IllegalStateException("The demo gold file names an unknown source: " + name.asText());
                }
                Claim claim = new Claim();
                claim.statement = item.path("claim").asText();
                claim.quote = sentence;
                claim.source = source;
                claim.article = article;
                if (start >= 0) {
                    claim.quoteStart = start;
                    claim.quoteEnd = start + sentence.length();
                }
                claim.tags = ClaimRules.tags(tags(claim.statement), new FieldErrors());
                claim.persist();
                vectors.store(claim.id, claim.statement);
                made.add(claim);
                count++;
            }
            // "Both South Korea and Japan accused ...": one claim per source, linked as the same claim
            for (int i = 1; i < made.size(); i++) {
                ClaimLink link = new ClaimLink();
                link.claim = made.get(0);
                link.other = made.get(i);
                link.kind = LinkKind.same_claim;
                link.note = "Made jointly in one sentence of the sample article.";
                link.persist();
            }
        }
        return count;
    }

    static List<String> tags(String statement) {
        String lower = statement.toLowerCase(Locale.ROOT);
        List<String> tags = new ArrayList<>();
        tags.add("north korea");
        TAGS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(e -> lower.contains(e.getKey()) && !tags.contains(e.getValue()))
                .forEach(e -> tags.add(e.getValue()));
        return tags;
    }

    private JsonNode readJson(String name) {
        try {
            return json.readTree(read(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(String name) {
        try (InputStream in = DemoDesk.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
