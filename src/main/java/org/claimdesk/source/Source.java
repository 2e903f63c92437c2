package org.claimdesk.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.claimdesk.reviewer.Audited;
import org.claimdesk.system.ClientError;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Who makes claims: a news agency, a government, an intelligence service, a person, unnamed analysts. */
@Entity
@Table(name = "source")
public class Source extends Audited {

    public String name;

    /** Other names the press uses for this source; searched like the name. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> aliases = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public SourceKind kind;

    /** ISO 3166-1 alpha-2, upper case. */
    public String country;

    public String description = "";

    public String website;

    public static Optional<Source> findByName(String name) {
        return find("lower(name) = lower(?1)", name.strip()).firstResultOptional();
    }

    /**
     * The ids of the sources a person may mean by {@code text}: the one whose name it is, ignoring case, or else those
     * that have it as an alias, in name order. More than one means the text is ambiguous. Ids only, so that a caller
     * can lock the rows before it loads them.
     */
    @SuppressWarnings("unchecked")
    public static List<Long> idsNamed(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Number> ids = getEntityManager().createNativeQuery("SELECT id FROM source WHERE lower(name) = lower(:text) "
                + "UNION ALL (SELECT id FROM source WHERE NOT EXISTS (SELECT 1 FROM source WHERE lower(name) = "
                + "lower(:text)) AND EXISTS (SELECT 1 FROM unnest(aliases) a WHERE lower(a) = lower(:text)) "
                + "ORDER BY lower(name) LIMIT 10)").setParameter("text", text.strip()).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    public static List<Source> named(String text) {
        List<Long> ids = idsNamed(text);
        return ids.isEmpty() ? List.of() : list("id in ?1 order by lower(name)", ids);
    }

    /** The one source a person means by a name or alias; a 400 that says why when there is none, or several. */
    public static Source resolve(String text) {
        List<Source> named = named(text);
        if (named.isEmpty()) {
            throw ClientError.badRequest("No source is called \"" + text.strip() + "\"; create it first.");
        }
        if (named.size() > 1) {
            throw ClientError.badRequest("\"" + text.strip() + "\" is another name of several sources: "
                    + String.join("; ", named.stream().map(s -> s.name).toList())
                    + ". Type the full name of the one you mean.");
        }
        return named.get(0);
    }

    public String getKindLabel() {
        return kind.label();
    }

    /** The country's English name ("North Korea" for KP), or an empty string when there is none. */
    public String getCountryName() {
        return country == null ? "" : new Locale("", country).getDisplayCountry(Locale.ENGLISH);
    }
}
