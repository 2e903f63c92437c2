package org.claimdesk.generate;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.agroal.api.AgroalDataSource;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.QuarkusApplication;

/**
 * Fills the configured database with a large, realistic desk for benchmarks: {@code generate --claims N --seed S}.
 * For N claims it makes about N/50 sources, N/10 articles, 3N decisions with evidence, tags and assignees, from real
 * fact-checked statements recombined. The same seed gives the same desk. It runs from the command line only; nothing
 * of it is reachable over HTTP.
 */
public class DeskGenerator implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(DeskGenerator.class);
    static final String DEFAULT_STATEMENTS = "../shared/datasets/liar/train.tsv";
    private static final int REVIEWERS = 25;
    private static final String[] STATUSES = { "verified", "disputed", "unverified" };
    private static final String[] STANCES = { "supports", "refutes", "context" };
    private static final String[] KINDS = { "person", "government", "news_outlet", "state_media", "ngo", "company",
            "analysts", "military", "intelligence_agency", "other" };
    private static final String[] ORG_WORDS = { "National", "Federal", "Independent", "Coastal", "Northern", "Eastern",
            "Civic", "Public", "United", "Central", "Regional", "Metropolitan" };
    private static final String[] ORG_FIELDS = { "Energy", "Health", "Labour", "Budget", "Defence", "Transport",
            "Housing", "Trade", "Water", "Education", "Election", "Farm", "Climate", "Justice" };
    private static final String[] ORG_TYPES = { "Council", "Institute", "Agency", "Office", "Times", "Post",
            "Network", "Coalition", "Foundation", "Ministry", "Review", "Monitor" };
    private static final String[] COUNTRIES = { "US", "GB", "KR", "JP", "DE", "FR", "IN", "BR", "ZA", "UA", "RU", "KP" };

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
        return 0;
    }

    record Counts(long claims, long sources, long articles, long reviews, long evidence) {
    }

    /** A fact-checked statement to recombine, with its speaker and subjects. */
    record Sample(String text, String speaker, List<String> subjects) {

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
                    statements.add(new Sample(clean(columns[2]), columns[4],
                            List.of(columns[3].split(",")).stream().map(String::strip).filter(s -> !s.isEmpty())
                                    .map(s -> s.replace('-', ' ')).toList()));
                } else if (!line.isBlank()) {
                    statements.add(new Sample(clean(line), "", List.of()));
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
            text.strip().codePoints().filter(c -> c >= 0x20 && c != 0x7f).forEach(out::appendCodePoint);
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

            // reviewers who cannot log in: their password is random and thrown away
            String unusable = BcryptUtil.bcryptHash(Long.toHexString(new Random().nextLong()) + System.nanoTime());
            Csv reviewers = new Csv();
            for (int i = 1; i <= REVIEWERS; i++) {
                reviewers.row(reviewerBase + i, "generated-" + options.seed() + "-" + reviewerBase + "-" + i, unusable,
                        "reviewer", "false");
            }
            copy.copyIn("COPY reviewer (id, username, password_hash, role, active) FROM STDIN WITH (FORMAT csv)",
                    reviewers.reader());

            Csv sources = new Csv();
            Set<String> names = new LinkedHashSet<>();
            try (Statement s = connection.createStatement();
                    ResultSet taken = s.executeQuery("SELECT lower(name) FROM source")) {
                while (taken.next()) {
                    names.add(taken.getString(1));
                }
            }
            List<String> speakers = corpus.stream().map(Sample::speaker).filter(s -> !s.isBlank()).distinct()
                    .toList();
            for (int i = 1; i <= sourceCount; i++) {
                String name = sourceName(random, speakers, i);
                String unique = name;
                for (int n = 2; !names.add(unique.toLowerCase(Locale.ROOT)); n++) {
                    unique = name + " " + n;
                }
                name = unique;
                String kind = i <= speakers.size() ? "person" : KINDS[random.nextInt(KINDS.length)];
                sources.row(sourceBase + i, name, array(List.of()),
                        kind, COUNTRIES[random.nextInt(COUNTRIES.length)], "Generated for benchmarks.",
                        ago(now, random, 900));
            }
            copy.copyIn("COPY source (id, name, aliases, kind, country, description, created_at) FROM STDIN WITH "
                    + "(FORMAT csv)", sources.reader());

            Csv articles = new Csv();
            for (int i = 1; i <= articleCount; i++) {
                StringBuilder body = new StringBuilder();
                int sentences = 4 + random.nextInt(6);
                for (int s = 0; s < sentences; s++) {
                    body.append(recombine(random, corpus)).append(s % 3 == 2 ? "\n\n" : " ");
                }
                Sample topic = corpus.get(random.nextInt(corpus.size()));
                articles.row(articleBase + i, title(topic), sourceBase + 1 + random.nextInt(sourceCount),
                        "https://news.example.org/" + options.seed() + "/" + (articleBase + i), body.toString().strip(),
                        ago(now, random, 800));
            }
            copy.copyIn("COPY article (id, title, publisher_id, url, body, created_at) FROM STDIN WITH (FORMAT csv)",
                    articles.reader());

            long reviewBase = reserve(connection, "review_seq", claimCount * 10L);
            long evidenceBase = reserve(connection, "evidence_seq", claimCount * 20L);
            long reviews = 0;
            long evidence = 0;
            int batch = 20_000;
            for (int from = 1; from <= claimCount; from += batch) {
                Csv claims = new Csv();
                Csv reviewRows = new Csv();
                Csv evidenceRows = new Csv();
                for (int i = from; i < Math.min(from + batch, claimCount + 1); i++) {
                    long id = claimBase + i;
                    Sample base = corpus.get(random.nextInt(corpus.size()));
                    String statement = random.nextInt(3) == 0 ? recombine(random, corpus) : vary(random, base.text);
                    Instant created = ago(now, random, 720);
                    int decisions = random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(9);
                    String status = "unverified";
                    Instant decidedAt = null;
                    long decidedBy = 0;
                    Instant at = created;
                    for (int d = 0; d < decisions; d++) {
                        String next = d == decisions - 1 ? finalStatus(random) : other(random, status);
                        // decisions spread between the claim's creation and now, in order
                        long gap = Math.max(1, (now.getEpochSecond() - at.getEpochSecond()) / (decisions - d + 1));
                        at = at.plusSeconds(1 + (long) (gap * (0.3 + 0.7 * random.nextDouble())));
                        long reviewer = reviewerBase + 1 + random.nextInt(REVIEWERS);
                        long reviewId = reviewBase + (++reviews);
                        reviewRows.row(reviewId, id, reviewer, status, next,
                                next.equals("unverified") ? "" : rationale(random, next), d, at);
                        if (!next.equals("unverified")) {
                            int items = random.nextInt(3);
                            for (int e = 0; e < items; e++) {
                                evidenceRows.row(evidenceBase + (++evidence), reviewId, e,
                                        "https://records.example.org/" + reviewId + "/" + e,
                                        "Record " + (e + 1) + " on " + title(base), STANCES[random.nextInt(3)], "");
                            }
                        }
                        status = next;
                        decidedAt = at;
                        decidedBy = reviewer;
                    }
                    Long article = random.nextBoolean() ? articleBase + 1 + random.nextInt(articleCount) : null;
                    Long assignee = random.nextInt(10) == 0 ? reviewerBase + 1 + random.nextInt(REVIEWERS) : null;
                    List<String> tags = base.subjects.size() > 3 ? base.subjects.subList(0, 3) : base.subjects;
                    claims.row(id, statement, random.nextInt(4) == 0 ? base.text : null,
                            sourceBase + 1 + skewed(random, sourceCount), article, array(tags), assignee, status,
                            decidedAt, decidedAt == null ? null : decidedBy, created, decidedAt == null ? created : decidedAt,
                            decisions);
                }
                copy.copyIn("COPY claim (id, statement, quote, source_id, article_id, tags, assignee_id, status, "
                        + "decided_at, decided_by, created_at, updated_at, version) FROM STDIN WITH (FORMAT csv)",
                        claims.reader());
                copy.copyIn("COPY review (id, claim_id, reviewer_id, previous_status, status, rationale, "
                        + "claim_version, decided_at) FROM STDIN WITH (FORMAT csv)", reviewRows.reader());
                copy.copyIn("COPY evidence (id, review_id, position, url, title, stance, note) FROM STDIN WITH "
                        + "(FORMAT csv)", evidenceRows.reader());
                LOG.infof("generate: %,d of %,d claims", Math.min(from + batch - 1, claimCount), claimCount);
            }
            connection.commit();
            try (Statement analyze = connection.createStatement()) {
                connection.setAutoCommit(true);
                analyze.execute("ANALYZE");
            }
            return new Counts(claimCount, sourceCount, articleCount, reviews, evidence);
        }
    }

    /** Moves a sequence past {@code count} ids and returns the id before the first one reserved. */
    private static long reserve(Connection connection, String sequence, long count) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT nextval('" + sequence + "')")) {
            r.next();
            long base = r.getLong(1) + 100;
            s.execute("SELECT setval('" + sequence + "', " + (base + count + 100) + ")");
            return base;
        }
    }

    /** Some sources make many claims: a skewed pick, so a few sources hold a large share. */
    private static int skewed(Random random, int count) {
        double u = random.nextDouble();
        return (int) Math.min(count - 1, Math.floor(count * u * u * u));
    }

    private static String other(Random random, String status) {
        String next = STATUSES[random.nextInt(3)];
        return next.equals(status) ? STATUSES[(Arrays.asList(STATUSES).indexOf(next) + 1) % 3] : next;
    }

    private static String finalStatus(Random random) {
        int r = random.nextInt(10);
        return r < 4 ? "verified" : r < 8 ? "disputed" : "unverified";
    }

    private static String sourceName(Random random, List<String> speakers, int i) {
        if (i <= speakers.size()) {
            StringBuilder name = new StringBuilder();
            for (String part : speakers.get(i - 1).split("-")) {
                if (!part.isEmpty()) {
                    name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1)).append(' ');
                }
            }
            return name.toString().strip();
        }
        return ORG_WORDS[random.nextInt(ORG_WORDS.length)] + " " + ORG_FIELDS[random.nextInt(ORG_FIELDS.length)] + " "
                + ORG_TYPES[random.nextInt(ORG_TYPES.length)];
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
        String a = corpus.get(random.nextInt(corpus.size())).text;
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
