package org.claimdesk.workflow;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The desk with CLAIMDESK_PUBLISH_REQUIRE_APPROVAL=true and reviewers named on the public page. */
public class ApprovalRequired implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("claimdesk.publish.require-approval", "true", "claimdesk.publish.name-reviewers", "true");
    }
}
