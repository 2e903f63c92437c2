package org.claimdesk.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.claimdesk.system.Audited;
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
     * The sources a person may mean by {@code text}: the one whose name it is, ignoring case, or else those that have it
     * as an alias. More than one means the text is ambiguous.
     */
    @SuppressWarnings("unchecked")
    public static List<Source> named(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Optional<Source> byName = findByName(text);
        if (byName.isPresent()) {
            return List.of(byName.get());
        }
        return getEntityManager().createNativeQuery("SELECT * FROM source WHERE EXISTS (SELECT 1 FROM unnest(aliases) a "
                + "WHERE lower(a) = lower(:text)) ORDER BY name LIMIT 10", Source.class)
                .setParameter("text", text.strip()).getResultList();
    }

    public String getKindLabel() {
        return kind.label();
    }

    /** The country's English name ("North Korea" for KP), or an empty string when there is none. */
    public String getCountryName() {
        return country == null ? "" : new Locale("", country).getDisplayCountry(Locale.ENGLISH);
    }
}
