package org.claimdesk.support;

import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/** Skips a {@link NeedsTool} test whose tool is missing, or fails it when tools are required. */
public final class ToolCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<NeedsTool> needs = context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, NeedsTool.class));
        if (needs.isEmpty() || needs.get().value().present()) {
            return ConditionEvaluationResult.enabled("nothing missing");
        }
        Tools.Tool tool = needs.get().value();
        if (Tools.required()) {
            // JUnit reports an exception thrown by a condition as a failure of the test or class
            throw new IllegalStateException("claimdesk.tools=required, but " + tool.explanation());
        }
        return ConditionEvaluationResult.disabled(tool.reason());
    }

    /**
     * The same check from inside a test (the browser and the backup test call it as they start their tool), for
     * tests that were not marked: skipped with the same reason, or failed when tools are required.
     */
    public static void assume(Tools.Tool tool) {
        assume(tool, tool.present(), Tools.required());
    }

    static void assume(Tools.Tool tool, boolean present, boolean required) {
        if (present) {
            return;
        }
        if (required) {
            throw new AssertionError("claimdesk.tools=required, but " + tool.explanation());
        }
        throw new TestAbortedException(tool.reason());
    }
}
