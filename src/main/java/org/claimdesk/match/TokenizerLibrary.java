package org.claimdesk.match;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lets the model's tokenizer (DJL's Rust library, loaded through JNI) start again in a second class loader of the same
 * JVM. The JVM binds a native library file to the first class loader that loaded it, and the Quarkus tests start the
 * app anew, in a new class loader, for every test profile: the second start would fail with "already loaded in
 * another classloader". So every start after the first loads its own copy of the file (DJL's
 * {@code RUST_LIBRARY_PATH}). A packaged app starts once and never takes this path.
 */
final class TokenizerLibrary {

    /** JVM-wide (system properties are shared by all class loaders): the library DJL extracted at the first start. */
    private static final String LOADED = "org.claimdesk.match.tokenizer-library";
    private static final String LIBRARY = System.mapLibraryName("tokenizers");

    private TokenizerLibrary() {
    }

    /** Before the model is made: at a second start in this JVM, points DJL at a fresh copy of the library. */
    static void beforeLoad() {
        String first = System.getProperty(LOADED);
        if (first == null) {
            return;
        }
        try {
            Path folder = Files.createTempDirectory("claimdesk-tokenizers");
            Path copy = folder.resolve(LIBRARY);
            Files.copy(Path.of(first), copy, StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
            folder.toFile().deleteOnExit();
            System.setProperty("RUST_LIBRARY_PATH", copy.toString()); // the file: DJL's folder form needs a CUDA arch
        } catch (IOException e) {
            throw new IllegalStateException("Cannot copy the tokenizer library " + first, e);
        }
    }

    /** After the model was made: remembers which file the first start loaded. */
    static void afterLoad() {
        if (System.getProperty(LOADED) != null) {
            return;
        }
        extracted().ifPresent(path -> System.setProperty(LOADED, path.toString()));
    }

    private static Optional<Path> extracted() {
        String cache = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
        Path folder = cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".djl.ai");
        folder = folder.resolve("tokenizers");
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().equals(LIBRARY)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
