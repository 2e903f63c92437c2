package org.claimdesk.review;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.claimdesk.claim.Claim;
import org.claimdesk.source.SourceKind;
import org.claimdesk.support.Accounts;
import org.claimdesk.support.DeskData;
import org.claimdesk.system.Role;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ConcurrentVerdictsTest {

    @Test
    void twentyReviewersDecidingFromTheSameVersionAtOnceGiveOneWinnerAndNineteenConflicts() throws Exception {
        Claim claim = DeskData.claim(DeskData.source("Contested", SourceKind.government),
                "The reservoir is at 95% of capacity.");
        List<String> reviewers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String reviewer = Accounts.create(Role.reviewer);
            // log each in once beforehand: the race is about the decisions, not twenty bcrypt checks at once, which on
            // a loaded machine can hold the pool's connections past their time-out (503)
            given().auth().preemptive().basic(reviewer, Accounts.PASSWORD).get("/api/me").then().statusCode(200);
            reviewers.add(reviewer);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String reviewer = reviewers.get(i);
            String status = i % 2 == 0 ? "verified" : "disputed";
            answers.add(pool.submit(() -> {
                start.await();
                return given().auth().preemptive().basic(reviewer, Accounts.PASSWORD).contentType(ContentType.JSON)
                        .body(Map.of("status", status, "rationale", "Decided by " + reviewer, "version", 0))
                        .post("/api/claims/" + claim.id + "/verdicts").statusCode();
            }));
        }
        start.countDown();
        int won = 0;
        int refused = 0;
        for (Future<Integer> answer : answers) {
            int status = answer.get();
            if (status == 201) {
                won++;
            } else if (status == 409) {
                refused++;
            } else {
                throw new AssertionError("unexpected status " + status);
            }
        }
        pool.shutdown();
        assertEquals(1, won);
        assertEquals(19, refused);
        assertEquals(1, DeskData.number("SELECT count(*) FROM review WHERE claim_id = ?1", claim.id));
        assertEquals(1, DeskData.number("SELECT version FROM claim WHERE id = ?1", claim.id));
        // the claim's status is the winner's
        assertEquals(DeskData.strings("SELECT status FROM review WHERE claim_id = ?1", claim.id),
                DeskData.strings("SELECT status FROM claim WHERE id = ?1", claim.id));
    }
}
