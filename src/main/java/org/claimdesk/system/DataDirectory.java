package org.claimdesk.system;

import java.nio.file.Path;

/** Where the embedded database keeps its files: {@code CLAIMDESK_DATA_DIR}, or {@code ~/.claimdesk/data}. */
public final class DataDirectory {

    private DataDirectory() {
    }

    public static Path resolve() {
        String configured = System.getenv("CLAIMDESK_DATA_DIR");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("claimdesk.data-dir");
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".claimdesk", "data");
    }
}
