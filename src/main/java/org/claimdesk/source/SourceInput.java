package org.claimdesk.source;

import java.util.List;

/**
 * A source as a reviewer submitted it, from the form or the API, before {@link SourceRules} has checked it. The
 * words are the API's JSON names.
 */
public record SourceInput(String name, String kind, String country, List<String> aliases, String description,
        String website) {
}
