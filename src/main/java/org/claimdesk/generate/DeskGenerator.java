package org.claimdesk.generate;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.claimdesk.match.ClaimVectors;
import org.claimdesk.system.Command;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Fills the configured database with a large, realistic desk for benchmarks: {@code generate --claims N --seed S}.
 * For N claims it makes about N/50 sources (45% people, the rest organisations of every kind), N/10 articles, 3N
 * decisions by 25 active reviewers nobody can log in as, with evidence, tags, claim dates, assignees and quotes of
 * the articles' sentences, from real fact-checked statements recombined. The busiest source makes a tenth of the
 * claims and one claim in 20,000 has 50 decisions, so the benchmarks find the heaviest profile and history they
 * measure. The same seed gives the same desk, and
 * running it again adds to the desk without clashing names. It runs from the command line only; nothing of it is
 * reachable over HTTP.
 */
@Dependent
public class DeskGenerator implements Command {

    private static final Logger LOG = Logger.getLogger(DeskGenerator.class);
    static final String DEFAULT_STATEMENTS = "../shared/datasets/liar/train.tsv";
    private static final int REVIEWERS = 25;
    /** The busiest source makes one claim in this many: 100,000 of a million, for the benchmarks. */
    static final int BUSIEST_SHARE = 10;
    /** One claim in this many has a history of {@link #LONG_HISTORY} decisions, for the benchmarks. */
    static final int LONG_HISTORY_EVERY = 20_000;
    static final int LONG_HISTORY = 50;
    private static final String[] STATUSES = { "verified", "disputed", "unverified" };
    private static final String[] STANCES = { "supports", "refutes", "context" };
    private static final String[] KINDS = { "person", "government", "news_outlet", "state_media", "ngo", "company",
            "analysts", "military", "intelligence_agency", "other" };
    /** Organisation kinds and how many of every 55 sources are of each; the other 45 are people. */
    private static final String[] ORGANISATIONS = { "government", "news_outlet", "state_media", "ngo", "company",
            "analysts", "military", "intelligence_agency", "other" };
    private static final int[] ORGANISATION_SHARES = { 14, 12, 4, 8, 7, 4, 2, 2, 2 };

    /** Options of the command line. */
    record Options(int claims, long seed, Path statements) {

        static Options parse(String... args) {
            int claims = 10_000;
            long seed = 1;
            Path statements = Path.of(DEFAULT_STATEMENTS);
            for (int i = 1; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--claims" -> claims = Integer.parseInt(required(args[i], value));
                    case "--seed" -> seed = Long.parseLong(required(args[i], value));
                    case "--statements" -> statements = Path.of(required(args[i], value));
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                            + ". Usage: generate --claims N [--seed S] [--statements FILE]");
                }
                i++;
            }
            if (claims < 1) {
                throw new IllegalArgumentException("--claims must be at least 1.");
            }
            return new Options(claims, seed, statements);
        }

        private static String required(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value.");
            }
            return value;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ClaimVectors vectors;

    @Override
    public Set<String> names() {
        return java.util.Set.of("generate");
    }

    @Override
    public int run(String... args) throws Exception {
        Options options;
        List<Sample> corpus;
        try {
            options = Options.parse(args);
            corpus = Sample.read(options.statements());
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("generate: " + e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        Counts counts = generate(options, corpus);
        System.out.printf(Locale.ROOT,
                "Generated %,d claims, %,d sources, %,d articles, %,d decisions and %,d pieces of evidence in %.1f s "
                        + "(seed %d).%n",
                counts.claims, counts.sources, counts.articles, counts.reviews, counts.evidence,
                (System.nanoTime() - started) / 1e9, options.seed());
        System.out.println(counts.describe());
        return 0;
    }

    /** What a run added; by kind, the number of sources and of their claims. */
    record Counts(long claims, long sources, long articles, long reviews, long evidence, Map<String, Long> byStatus,
            Map<String, long[]> byKind) {

        String describe() {
            StringBuilder out = new StringBuilder("Claims by status:");
            byStatus.forEach((status, n) -> out.append(String.format(Locale.ROOT, " %s %,d,", status, n)));
            out.setLength(out.length() - 1);
            out.append(".\nSources (and their claims) by kind:");
            byKind.forEach((kind, n) -> out.append(String.format(Locale.ROOT, " %s %,d (%,d),", kind, n[0], n[1])));
            out.setLength(out.length() - 1);
            return out.append('.').toString();
        }
    }

    /** An article's text made of sentences, with where each sentence starts and ends (exclusive) in it. */
    record Body(String text, int[] starts, int[] ends) {

        /** The sentences joined by spaces, with a paragraph break after every third. */
        static Body of(String... sentences) {
            StringBuilder text = new StringBuilder();
            int[] starts = new int[sentences.length];
            int[] ends = new int[sentences.length];
            for (int s = 0; s < sentences.length; s++) {
                if (s > 0) {
                    text.append(s % 3 == 0 ? "\n\n" : " ");
                }
                starts[s] = text.length();
                text.append(sentences[s]);
                ends[s] = text.length();
            }
            return new Body(text.toString(), starts, ends);
        }

        int sentences() {
            return starts.length;
        }

        int start(int sentence) {
            return starts[sentence];
        }

        int end(int sentence) {
            return ends[sentence];
        }
    }

    /** A fact-checked statement to recombine, with its speaker, the speaker's party and the subjects. */
    record Sample(String text, String speaker, String party, List<String> subjects) {

        static List<Sample> read(Path file) throws IOException {
            if (!Files.isReadable(file)) {
                throw new IOException("Cannot read the statements file " + file.toAbsolutePath() + ". Pass "
                        + "--statements FILE: the LIAR data (tab-separated, statement in column 3) or one statement "
                        + "per line.");
            }
            List<Sample> statements = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] columns = line.split("\t", -1);
                if (columns.length >= 5) {
                    statements.add(new Sample(clean(columns[2]), columns[4], columns.length > 7 ? columns[7] : "",
                            List.of(columns[3].split(",")).stream().map(String::strip).filter(s -> !s.isEmpty())
                                    .map(s -> s.replace('-', ' ')).toList()));
                } else if (!line.isBlank()) {
                    statements.add(new Sample(clean(line), "", "", List.of()));
                }
            }
            statements.removeIf(s -> s.text.length() < 20);
            if (statements.isEmpty()) {
                throw new IOException("The statements file " + file + " holds no usable statements.");
            }
            return statements;
        }

        private static String clean(String text) {
            StringBuilder out = new StringBuilder(text.length());
            // only the Basic Multilingual Plane: there, quote ranges count the same in Java (UTF-16 units) and in
            // PostgreSQL (characters)
            text.strip().codePoints().filter(c -> c >= 0x20 && c != 0x7f && Character.isBmpCodePoint(c))
                    .forEach(out::appendCodePoint);
            return out.toString();
        }
    }

    Counts generate(Options options, List<Sample> corpus) throws SQLException, IOException {
        Random random = new Random(options.seed());
        int claimCount = options.claims();
        int sourceCount = Math.max(1, claimCount / 50);
        int articleCount = Math.max(1, claimCount / 10);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long reviewerBase = reserve(connection, "reviewer_seq", REVIEWERS);
            long sourceBase = reserve(connection, "source_seq", sourceCount);
            long articleBase = reserve(connection, "article_seq", articleCount);
            long claimBase = reserve(connection, "claim_seq", claimCount);

            insertReviewers(connection, copy, reviewerBase, options.seed());
            String[] kinds = insertSources(connection, copy, random, corpus, sourceBase, sourceCount, now);
            // which sources are popular is shuffled, so that the few that hold most claims can be of any kind
            int[] byPopularity = shuffled(random, sourceCount);

            List<Integer> outlets = new ArrayList<>();
            for (int i = 0; i < sourceCount; i++) {
                if (kinds[i].equals("news_outlet") || kinds[i].equals("state_media")) {
                    outlets.add(i);
                }
            }
            Body[] bodies = new Body[articleCount];
            long[] published = new long[articleCount];
            Csv articles = new Csv();
            for (int i = 0; i < articleCount; i++) {
                String[] sentences = new String[4 + random.nextInt(6)];
                for (int s = 0; s < sentences.length; s++) {
                    sentences[s] = recombine(random, corpus);
                }
                bodies[i] = Body.of(sentences);
                Instant created = ago(now, random, 800);
                published[i] = created.getEpochSecond();
                Sample topic = corpus.get(random.nextInt(corpus.size()));
                int publisher = outlets.isEmpty() ? random.nextInt(sourceCount)
                        : outlets.get(random.nextInt(outlets.size()));
                articles.row(articleBase + 1 + i, title(topic), sourceBase + 1 + publisher,
                        "https://news.example.org/" + options.seed() + "/" + (articleBase + 1 + i), bodies[i].text(),
                        created);
            }
            copy.copyIn("COPY article (id, title, publisher_id, url, body, created_at) FROM STDIN WITH (FORMAT csv)",
                    articles.reader());

            long reviewBase = reserve(connection, "review_seq", claimCount * 10L);
            long evidenceBase = reserve(connection, "evidence_seq", claimCount * 20L);
            long reviews = 0;
            long evidence = 0;
            long[] byStatus = new long[STATUSES.length];
            long[] claimsByKind = new long[KINDS.length];
            int batch = 20_000;
            // each claim's vector in the same transaction (issue 14); the first batch trains the lists if none exist
            ClaimVectors.Bulk claimVectors = vectors.bulk(connection, claimCount + existingClaims(connection));
            for (int from = 1; from <= claimCount; from += batch) {
                List<Long> claimIds = new ArrayList<>(batch);
                List<String> statements = new ArrayList<>(batch);
                Csv claims = new Csv();
                Csv reviewRows = new Csv();
                Csv evidenceRows = new Csv();
                for (int i = from; i < Math.min(from + batch, claimCount + 1); i++) {
                    long id = claimBase + i;
                    Sample base = corpus.get(random.nextInt(corpus.size()));
                    int article = random.nextBoolean() ? random.nextInt(articleCount) : -1;
                    String statement;
                    String quote;
                    Integer quoteStart = null;
                    Integer quoteEnd = null;
                    if (article >= 0 && random.nextBoolean()) {
                        // the claim quotes one sentence of its article, and says it in the same or other words
                        Body body = bodies[article];
                        int sentence = random.nextInt(body.sentences());
                        quoteStart = body.start(sentence);
                        quoteEnd = body.end(sentence);
                        quote = body.text().substring(quoteStart, quoteEnd);
                        statement = random.nextInt(3) == 0 ? recombine(random, quote, corpus) : vary(random, quote);
                    } else {
                        statement = random.nextInt(3) == 0 ? recombine(random, corpus) : vary(random, base.text);
                        quote = random.nextInt(4) == 0 ? base.text : null;
                    }
                    // a claim is found in its article, so it cannot be older than the article
                    Instant created = article < 0 ? ago(now, random, 720)
                            : Instant.ofEpochSecond(published[article] + (long) (random.nextDouble()
                                    * (now.getEpochSecond() - published[article])));
                    LocalDate claimDate = random.nextInt(10) < 7
                            ? LocalDate.ofInstant(created, ZoneOffset.UTC).minusDays(random.nextInt(61))
                            : null;
                    // one claim in every 20,000 has been argued over for years: a history of 50 decisions
                    int decisions = i % LONG_HISTORY_EVERY == 1 ? LONG_HISTORY
                            : random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(9);
                    String status = "unverified";
                    Instant decidedAt = null;
                    long decidedBy = 0;
                    long at = created.getEpochSecond();
                    for (int d = 0; d < decisions; d++) {
                        String next = d == decisions - 1 ? finalStatus(random) : other(random, status);
                        at = nextDecision(random, at, now.getEpochSecond(), decisions - d);
                        long reviewer = reviewerBase + 1 + random.nextInt(REVIEWERS);
                        long reviewId = reviewBase + (++reviews);
                        decidedAt = Instant.ofEpochSecond(at);
                        reviewRows.row(reviewId, id, reviewer, status, next,
                                next.equals("unverified") ? "" : rationale(random, next), d, decidedAt);
                        if (!next.equals("unverified")) {
                            int items = random.nextInt(3);
                            for (int e = 0; e < items; e++) {
                                evidenceRows.row(evidenceBase + (++evidence), reviewId, e,
                                        "https://records.example.org/" + reviewId + "/" + e,
                                        "Record " + (e + 1) + " on " + title(base), STANCES[random.nextInt(3)], "");
                            }
                        }
                        status = next;
                        decidedBy = reviewer;
                    }
                    Long assignee = random.nextInt(10) == 0 ? reviewerBase + 1 + random.nextInt(REVIEWERS) : null;
                    List<String> tags = base.subjects.size() > 3 ? base.subjects.subList(0, 3) : base.subjects;
                    int source = byPopularity[busiest(i, random, sourceCount)];
                    byStatus[Arrays.asList(STATUSES).indexOf(status)]++;
                    claimsByKind[Arrays.asList(KINDS).indexOf(kinds[source])]++;
                    claimIds.add(id);
                    statements.add(statement);
                    claims.row(id, statement, quote, sourceBase + 1 + source,
                            article < 0 ? null : articleBase + 1 + article, quoteStart, quoteEnd, claimDate,
                            array(tags), assignee, status, decidedAt, decidedAt == null ? null : decidedBy, created,
                            decidedAt == null ? created : decidedAt, decisions);
                }
                copy.copyIn("COPY claim (id, statement, quote, source_id, article_id, quote_start, quote_end, "
                        + "claim_date, tags, assignee_id, status, decided_at, decided_by, created_at, updated_at, "
                        + "version) FROM STDIN WITH (FORMAT csv)", claims.reader());
                claimVectors.add(claimIds, statements);
                copy.copyIn("COPY review (id, claim_id, reviewer_id, previous_status, status, rationale, "
                        + "claim_version, decided_at) FROM STDIN WITH (FORMAT csv)", reviewRows.reader());
                copy.copyIn("COPY evidence (id, review_id, position, url, title, stance, note) FROM STDIN WITH "
                        + "(FORMAT csv)", evidenceRows.reader());
                LOG.infof("generate: %,d of %,d claims", Math.min(from + batch - 1, claimCount), claimCount);
            }
            connection.commit();
            try (Statement analyze = connection.createStatement()) {
                connection.setAutoCommit(true);
                // VACUUM as well: it marks the new pages all-visible and moves the full-text indexes' pending
                // entries into place, which the first searches and counts would otherwise do, slowly
                analyze.execute("VACUUM (ANALYZE)");
            }
            Map<String, Long> statuses = new LinkedHashMap<>();
            for (int s = 0; s < STATUSES.length; s++) {
                statuses.put(STATUSES[s], byStatus[s]);
            }
            Map<String, long[]> byKind = new LinkedHashMap<>();
            for (int k = 0; k < KINDS.length; k++) {
                byKind.put(KINDS[k], new long[] { 0, claimsByKind[k] });
            }
            for (String kind : kinds) {
                byKind.get(kind)[0]++;
            }
            return new Counts(claimCount, sourceCount, articleCount, reviews, evidence, statuses, byKind);
        }
    }

    /**
     * Adds reviewers who decide and are assigned claims, active so that they show among the assignees, but whom
     * nobody can log in as: the password is random and thrown away. They are numbered on from the last run with
     * the same seed, so that running again never repeats a username.
     */
    private static void insertReviewers(Connection connection, CopyManager copy, long reviewerBase, long seed)
            throws SQLException, IOException {
        String prefix = "generated-" + seed + "-";
        int last = 0;
        try (PreparedStatement taken = connection.prepareStatement(
                "SELECT username FROM reviewer WHERE username LIKE ?")) {
            taken.setString(1, prefix + "%");
            try (ResultSet names = taken.executeQuery()) {
                while (names.next()) {
                    String number = names.getString(1).substring(prefix.length());
                    if (number.matches("[0-9]{1,9}")) {
                        last = Math.max(last, Integer.parseInt(number));
                    }
                }
            }
        }
        // one hash for all: a 256-bit secret that nobody keeps is as safe shared, and each bcrypt hash costs 80 ms
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String unknown = BcryptUtil.bcryptHash(HexFormat.of().formatHex(secret));
        Csv reviewers = new Csv();
        for (int i = 1; i <= REVIEWERS; i++) {
            reviewers.row(reviewerBase + i, prefix + (last + i), unknown, "reviewer", "true");
        }
        copy.copyIn("COPY reviewer (id, username, password_hash, role, active) FROM STDIN WITH (FORMAT csv)",
                reviewers.reader());
    }

    /**
     * Adds the sources, about 45% of them people and the rest organisations of every other kind, each with a name
     * no source has yet, and about 30% with aliases no source has yet. Returns each source's kind, in order.
     */
    private static String[] insertSources(Connection connection, CopyManager copy, Random random, List<Sample> corpus,
            long sourceBase, int sourceCount, Instant now) throws SQLException, IOException {
        Set<String> taken = new HashSet<>();
        try (Statement s = connection.createStatement();
                ResultSet names = s.executeQuery("SELECT lower(name) FROM source UNION ALL "
                        + "SELECT lower(alias) FROM source, unnest(aliases) AS alias")) {
            while (names.next()) {
                taken.add(names.getString(1));
            }
        }
        Map<String, String> parties = new LinkedHashMap<>();
        for (Sample sample : corpus) {
            parties.putIfAbsent(sample.speaker, sample.party);
        }
        List<String> people = new ArrayList<>();
        parties.forEach((speaker, party) -> {
            if (SourceNames.isPerson(speaker, party)) {
                people.add(SourceNames.humanise(speaker));
            }
        });
        Collections.shuffle(people, random);
        List<String> surnames = people.stream().map(SourceNames::surname).distinct().toList();

        String[] kinds = new String[sourceCount];
        SourceNames.Named[] named = new SourceNames.Named[sourceCount];
        int persons = 0;
        for (int i = 0; i < sourceCount; i++) {
            kinds[i] = !people.isEmpty() && random.nextInt(100) < 45 ? "person" : organisationKind(random);
            SourceNames.Named candidate = null;
            // another name rather than a number after it, unless names of this kind run out; a person taken already
            // (as when the same seed runs again) becomes a new combination of first name and surname
            for (int attempt = 0; attempt < 50
                    && (candidate == null || taken.contains(candidate.name().toLowerCase(Locale.ROOT))); attempt++) {
                candidate = kinds[i].equals("person")
                        ? SourceNames.person(SourceNames.personName(random, people,
                                attempt == 0 ? persons++ : people.size()))
                        : SourceNames.organisation(random, kinds[i], surnames);
            }
            named[i] = new SourceNames.Named(SourceNames.unique(candidate.name(), taken), candidate.country(),
                    candidate.aliases());
        }
        // aliases only once every name is known, so that no alias is another source's name; a third of the sources
        // are offered aliases, for about one in ten of those loses every one to another source
        Csv sources = new Csv();
        for (int i = 0; i < sourceCount; i++) {
            List<String> aliases = random.nextInt(3) == 0 ? SourceNames.aliases(random, named[i], taken) : List.of();
            sources.row(sourceBase + 1 + i, named[i].name(), array(aliases), kinds[i], named[i].country(),
                    "Generated for benchmarks.", ago(now, random, 900));
        }
        copy.copyIn("COPY source (id, name, aliases, kind, country, description, created_at) FROM STDIN WITH "
                + "(FORMAT csv)", sources.reader());
        return kinds;
    }

    /** Moves a sequence past {@code count} ids and returns the id before the first one reserved. */
    private static long existingClaims(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM claim")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long reserve(Connection connection, String sequence, long count) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT nextval('" + sequence + "')")) {
            r.next();
            long base = r.getLong(1) + 100;
            s.execute("SELECT setval('" + sequence + "', " + (base + count + 100) + ")");
            return base;
        }
    }

    /** The numbers 0 to count - 1 in random order. */
    private static int[] shuffled(Random random, int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static String organisationKind(Random random) {
        int r = random.nextInt(55);
        for (int k = 0; k < ORGANISATIONS.length; k++) {
            r -= ORGANISATION_SHARES[k];
            if (r < 0) {
                return ORGANISATIONS[k];
            }
        }
        throw new IllegalStateException("The organisation shares must add up to 55.");
    }

    /**
     * The time, in epoch seconds, of the next of {@code left} decisions after one at {@code at}: a random part of an
     * even share of the time left until {@code now}, and never later than {@code now}.
     */
    static long nextDecision(Random random, long at, long now, int left) {
        long share = Math.max(0, now - at) / (left + 1);
        return Math.min(now, at + 1 + (long) (share * (0.3 + 0.7 * random.nextDouble())));
    }

    /**
     * Some sources make many claims: the busiest (a government's spokesperson, say) makes one claim in ten, the
     * others are a skewed pick, so a few sources hold a large share.
     */
    static int busiest(int claim, Random random, int count) {
        if (claim % BUSIEST_SHARE == 0 || count == 1) {
            return 0;
        }
        double u = random.nextDouble();
        return 1 + (int) Math.min(count - 2, Math.floor((count - 1) * u * u * u));
    }

    private static String other(Random random, String status) {
        String next = STATUSES[random.nextInt(3)];
        return next.equals(status) ? STATUSES[(Arrays.asList(STATUSES).indexOf(next) + 1) % 3] : next;
    }

    private static String finalStatus(Random random) {
        int r = random.nextInt(10);
        return r < 4 ? "verified" : r < 8 ? "disputed" : "unverified";
    }

    private static String title(Sample topic) {
        String[] words = topic.text.split("\\s+");
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < Math.min(9, words.length); i++) {
            title.append(i == 0 ? "" : " ").append(words[i]);
        }
        return title.toString().replaceAll("[.,;:]+$", "");
    }

    /** Two statements joined at a clause boundary: the first half of one and the second half of another. */
    private static String recombine(Random random, List<Sample> corpus) {
        return recombine(random, corpus.get(random.nextInt(corpus.size())).text, corpus);
    }

    /** The first half of {@code a} and the second half of another statement. */
    private static String recombine(Random random, String a, List<Sample> corpus) {
        String b = corpus.get(random.nextInt(corpus.size())).text;
        int cutA = clauseBreak(a);
        int cutB = clauseBreak(b);
        if (cutA < 0 || cutB < 0) {
            return vary(random, a);
        }
        return vary(random, a.substring(0, cutA) + b.substring(cutB));
    }

    private static int clauseBreak(String text) {
        for (String marker : new String[] { ", ", " because ", " while ", " and ", " but " }) {
            int at = text.indexOf(marker, text.length() / 4);
            if (at > 0 && at < text.length() * 3 / 4) {
                return at;
            }
        }
        return -1;
    }

    /** Changes the figures of a statement, as the same claim reappears with other numbers. */
    private static String vary(Random random, String text) {
        if (random.nextInt(3) != 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(Character.isDigit(c) && random.nextInt(3) == 0 ? (char) ('0' + random.nextInt(10)) : c);
        }
        return out.toString();
    }

    private static String rationale(Random random, String status) {
        String[] verified = { "The official record matches the figure.", "Primary documents confirm the statement.",
                "Two independent datasets agree with the claim." };
        String[] disputed = { "The cited figure is not in the source document.", "Official data shows a different "
                + "trend.", "The statement leaves out context that reverses its meaning." };
        return status.equals("verified") ? verified[random.nextInt(3)] : disputed[random.nextInt(3)];
    }

    private static Instant ago(Instant now, Random random, int maxDays) {
        return now.minusSeconds((long) random.nextInt(maxDays) * 86_400 + random.nextInt(86_400));
    }

    private static String array(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append('"')
                    .append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    /** Rows for COPY in CSV format; null is an unquoted empty field, text is always quoted. */
    static final class Csv {
        private final StringBuilder text = new StringBuilder();

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                Object value = values[i];
                if (value == null) {
                    continue;
                }
                if (value instanceof Number) {
                    text.append(value);
                } else {
                    text.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
                }
            }
            text.append('\n');
        }

        StringReader reader() {
            return new StringReader(text.toString());
        }
    }
}
