package org.claimdesk.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs a program beyond Java (Chromium, PostgreSQL's server tools). Without it
 * the test is skipped, loudly (see {@link ToolSkips}), before a Quarkus app is started for it; with
 * {@code -Dclaimdesk.tools=required} it fails instead. Like Testcontainers' {@code disabledWithoutDocker}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ToolCondition.class)
public @interface NeedsTool {
    Tools.Tool value();
}
