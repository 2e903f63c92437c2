package org.claimdesk.system;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reading the fixed word lists of the domain (statuses, kinds, stances) from forms and JSON: exact lower-case names. */
public final class Choices {

    private Choices() {
    }

    public static <E extends Enum<E>> Optional<E> parse(E[] values, String value) {
        return Arrays.stream(values).filter(e -> e.name().equals(value)).findFirst();
    }

    public static <E extends Enum<E>> List<String> names(E[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
