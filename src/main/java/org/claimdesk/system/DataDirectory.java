package org.claimdesk.system;

import java.nio.file.Path;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where the embedded database keeps its files: {@code CLAIMDESK_DATA_DIR} if set; otherwise {@code ./data} in dev
 * mode, whose demo accounts have published passwords, and {@code ~/.claimdesk/data} for the packaged app.
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    public static Path resolve() {
        String env = System.getenv("CLAIMDESK_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        // read before Quarkus starts, so through the plain MicroProfile API; quarkus:dev sets -Dclaimdesk.data-dir
        return ConfigProvider.getConfig().getOptionalValue("claimdesk.data-dir", String.class)
                .filter(dir -> !dir.isBlank())
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".claimdesk", "data"));
    }
}
