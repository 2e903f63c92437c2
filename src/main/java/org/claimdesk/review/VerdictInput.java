package org.claimdesk.review;

import java.util.List;

/** A decision as a reviewer submits it: the status, why, on what evidence, and the claim version they saw. */
public record VerdictInput(String status, String rationale, List<EvidenceInput> evidence, Long version) {

    public record EvidenceInput(String url, String title, String stance, String note) {

        boolean isBlank() {
            return blank(url) && blank(title) && blank(note);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
