package org.claimdesk.attribution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * How a source's claims held up once resolved: of those resolved, how many held up (verified), did not hold
 * (disputed) or were misattributed (whatever their truth), the median days resolution took, and the same by the month
 * the claims were made. Read from the count tables of V16, a few rows per source, never from the claims.
 */
public record TrackRecord(long resolved, long heldUp, long didNotHold, long misattributed,
        Double medianDaysToResolve, List<Month> byMonth) {

    /** The claims of one month, by outcome. */
    public record Month(LocalDate month, long heldUp, long didNotHold, long misattributed) {

        public long total() {
            return heldUp + didNotHold + misattributed;
        }
    }

    /** One bar of the chart, in SVG user units (the chart is 100 high, each bar 10 wide and 4 apart). */
    public record Bar(String label, long x, long heldUpY, long heldUpHeight, long didNotHoldY, long didNotHoldHeight,
            long misattributedY, long misattributedHeight, Month month) {
    }

    /** The latest months the chart shows. */
    static final int MONTHS_SHOWN = 24;
    static final int CHART_HEIGHT = 100;

    public static TrackRecord of(EntityManager em, long sourceId) {
        Map<LocalDate, long[]> months = new LinkedHashMap<>();
        long[] totals = new long[3];
        for (Object row : em.createNativeQuery("SELECT month, outcome, claims FROM source_outcome_count "
                + "WHERE source_id = :source AND claims <> 0 ORDER BY month").setParameter("source", sourceId)
                .getResultList()) {
            Object[] c = (Object[]) row;
            int index = switch ((String) c[1]) {
                case "held_up" -> 0;
                case "did_not_hold" -> 1;
                default -> 2;
            };
            long claims = ((Number) c[2]).longValue();
            months.computeIfAbsent(Attributions.date(c[0]), m -> new long[3])[index] += claims;
            totals[index] += claims;
        }
        List<Month> byMonth = new ArrayList<>();
        months.forEach((month, counts) -> byMonth.add(new Month(month, counts[0], counts[1], counts[2])));
        List<long[]> days = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT days, claims FROM source_resolution_days "
                + "WHERE source_id = :source AND claims > 0 ORDER BY days").setParameter("source", sourceId)
                .getResultList()) {
            Object[] c = (Object[]) row;
            days.add(new long[] { ((Number) c[0]).longValue(), ((Number) c[1]).longValue() });
        }
        return new TrackRecord(totals[0] + totals[1] + totals[2], totals[0], totals[1], totals[2], median(days),
                byMonth);
    }

    /** The median of a histogram of (value, count) in ascending value order; the mean of the middle two if even. */
    static Double median(List<long[]> histogram) {
        long total = histogram.stream().mapToLong(h -> h[1]).sum();
        if (total == 0) {
            return null;
        }
        long lowRank = (total + 1) / 2; // 1-based ranks of the middle value(s)
        long highRank = total / 2 + 1;
        Long low = null;
        Long high = null;
        long seen = 0;
        for (long[] h : histogram) {
            seen += h[1];
            if (low == null && seen >= lowRank) {
                low = h[0];
            }
            if (high == null && seen >= highRank) {
                high = h[0];
                break;
            }
        }
        return (low + high) / 2.0;
    }

    /** The share of resolved claims that held up, in whole per cent. */
    @JsonIgnore
    public long heldUpPercent() {
        return percent(heldUp);
    }

    @JsonIgnore
    public long didNotHoldPercent() {
        return percent(didNotHold);
    }

    @JsonIgnore
    public long misattributedPercent() {
        return percent(misattributed);
    }

    /**
     * The 95% Wilson interval of the held-up share, in whole per cent: with few resolved claims a share says little,
     * and the interval says how little (calibration rather than a bare percentage).
     */
    @JsonIgnore
    public String heldUpInterval() {
        if (resolved == 0) {
            return "";
        }
        double z = 1.96;
        double n = resolved;
        double p = heldUp / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
        return Math.round(100 * Math.max(0, centre - half)) + "–" + Math.round(100 * Math.min(1, centre + half)) + "%";
    }

    /** The median as people read it: whole days. */
    @JsonIgnore
    public String medianDays() {
        if (medianDaysToResolve == null) {
            return "";
        }
        long days = Math.round(medianDaysToResolve);
        return days + (days == 1 ? " day" : " days");
    }

    /** The chart's bars: the latest months with resolved claims, each bar's parts stacked on a common scale. */
    @JsonIgnore
    public List<Bar> bars() {
        List<Month> shown = byMonth.subList(Math.max(0, byMonth.size() - MONTHS_SHOWN), byMonth.size());
        long most = shown.stream().mapToLong(Month::total).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Month m = shown.get(i);
            long a = scaled(m.heldUp, most);
            long b = scaled(m.heldUp + m.didNotHold, most) - a;
            long c = scaled(m.total(), most) - a - b;
            bars.add(new Bar(m.month.toString().substring(0, 7), i * 14L, CHART_HEIGHT - a, a, CHART_HEIGHT - a - b, b,
                    CHART_HEIGHT - a - b - c, c, m));
        }
        return bars;
    }

    @JsonIgnore
    public long chartWidth() {
        return Math.max(14, Math.min(byMonth.size(), MONTHS_SHOWN) * 14L);
    }

    private static long scaled(long count, long most) {
        return Math.round((double) CHART_HEIGHT * count / most);
    }

    private long percent(long count) {
        return resolved == 0 ? 0 : Math.round(100.0 * count / resolved);
    }
}
