package org.claimdesk.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.claimdesk.claim.ClaimStatus;

/** How many of a source's claims stand at each status; the API's {@code counts} and the profile's bar. */
public record ClaimCounts(long verified, long disputed, long unverified) {

    public static final ClaimCounts NONE = new ClaimCounts(0, 0, 0);

    /** The width of the profile's bar in SVG user units: the parts are whole units that add up to it. */
    static final int BAR_WIDTH = 1000;

    /** One status's share: its count, its rounded percentage, and its place in the bar. */
    public record Part(ClaimStatus status, long count, long percent, long x, long width) {
    }

    static ClaimCounts of(Map<ClaimStatus, Long> counts) {
        return new ClaimCounts(counts.getOrDefault(ClaimStatus.verified, 0L),
                counts.getOrDefault(ClaimStatus.disputed, 0L), counts.getOrDefault(ClaimStatus.unverified, 0L));
    }

    public long total() {
        return verified + disputed + unverified;
    }

    public long count(ClaimStatus status) {
        return switch (status) {
            case verified -> verified;
            case disputed -> disputed;
            case unverified -> unverified;
        };
    }

    /** The share of all the source's claims, in whole per cent. */
    public long percent(ClaimStatus status) {
        return total() == 0 ? 0 : Math.round(100.0 * count(status) / total());
    }

    public long verifiedPercent() {
        return percent(ClaimStatus.verified);
    }

    public long disputedPercent() {
        return percent(ClaimStatus.disputed);
    }

    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        long before = 0;
        for (ClaimStatus status : ClaimStatus.values()) {
            long count = count(status);
            // cumulative rounding, so that the parts always fill the bar exactly
            long x = scaled(before);
            long end = scaled(before + count);
            parts.add(new Part(status, count, percent(status), x, end - x));
            before += count;
        }
        return parts;
    }

    /** "3 verified, 1 disputed, 6 unverified": the numbers the bar shows, as words for screen readers. */
    public String summary() {
        return parts().stream().map(p -> p.count() + " " + p.status().name()).reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    private long scaled(long count) {
        return total() == 0 ? 0 : Math.round((double) BAR_WIDTH * count / total());
    }
}
