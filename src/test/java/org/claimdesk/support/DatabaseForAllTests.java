package org.claimdesk.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Registers {@link EmbeddedDatabaseResource} for every Quarkus test in the suite. */
@WithTestResource(value = EmbeddedDatabaseResource.class, scope = TestResourceScope.GLOBAL)
public final class DatabaseForAllTests {

    private DatabaseForAllTests() {
    }
}
