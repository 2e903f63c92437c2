package org.claimdesk.workflow;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.claimdesk.source.Source;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskClient;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A reviewer of the workflow tests: an account, a browser-like client, and the API as that account. */
final class Reviewers {

    final String name = Accounts.create(Role.reviewer);
    final DeskClient browser = DeskClient.loggedIn(name, Accounts.PASSWORD);

    RequestSpecification api() {
        return given().auth().preemptive().basic(name, Accounts.PASSWORD).contentType(ContentType.JSON);
    }

    /** A new unverified claim of a new source. */
    static long claim(String statement) {
        Source source = DeskData.source("Workflow source", SourceKind.government);
        return DeskData.claim(source, statement).id;
    }

    int version(long claimId) {
        return api().get("/api/claims/" + claimId).then().statusCode(200).extract().path("version");
    }

    /** Decides the claim through the API from its current version. */
    void decide(long claimId, String status) {
        Response r = api().body(Map.of("status", status, "rationale", "Checked against the ministry's table.",
                "version", version(claimId), "evidence", List.of())).post("/api/claims/" + claimId + "/verdicts");
        assertEquals(201, r.statusCode(), r.asString());
    }

    Response approve(long claimId, int version) {
        return api().body(Map.of("version", version)).post("/api/claims/" + claimId + "/approvals");
    }

    Response sendBack(long claimId, int version, String note) {
        return api().body(Map.of("version", version, "sendBack", true, "note", note))
                .post("/api/claims/" + claimId + "/approvals");
    }

    Response publish(long claimId) {
        return api().post("/api/claims/" + claimId + "/publication");
    }
}
