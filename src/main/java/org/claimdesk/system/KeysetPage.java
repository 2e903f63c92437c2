package org.claimdesk.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One page of a list read by keyset: the rows in display order, and whether there are pages before and after it.
 * Lists read one row more than a page, from their cursor in the direction of travel, to learn whether more follow.
 */
public record KeysetPage<T>(List<T> rows, boolean hasPrevious, boolean hasNext) {

    /**
     * @param fetched up to {@code size + 1} rows from the cursor on; backwards, in reverse display order
     * @param fromCursor whether the rows start at a cursor rather than at an end of the list
     */
    public static <T> KeysetPage<T> of(List<T> fetched, int size, boolean backwards, boolean fromCursor) {
        boolean more = fetched.size() > size;
        List<T> rows = new ArrayList<>(more ? fetched.subList(0, size) : fetched);
        if (backwards) {
            Collections.reverse(rows);
        }
        boolean any = !rows.isEmpty();
        return new KeysetPage<>(rows, any && (backwards ? more : fromCursor), any && (backwards || more));
    }

    public T first() {
        return rows.get(0);
    }

    public T last() {
        return rows.get(rows.size() - 1);
    }
}
