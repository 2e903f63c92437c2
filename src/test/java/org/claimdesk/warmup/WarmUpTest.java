package org.claimdesk.warmup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.claimdesk.system.WarmUpPass;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.core.net.SocketAddress;

/** Readiness waits for the warm-up, which reads the hot pages as a viewer, and its pass opens nothing afterwards. */
@QuarkusTest
@TestProfile(WarmUpTest.WarmingUp.class)
class WarmUpTest {

    /** The suite's other tests start without a warm-up; this one starts with a short one. */
    public static class WarmingUp implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("claimdesk.warm-up.enabled", "true", "claimdesk.warm-up.max-duration", "PT2S");
        }
    }

    @Inject
    @Readiness
    WarmUp warmUp;

    @Inject
    WarmUpPass pass;

    @Test
    void readinessIsUpOnlyAfterTheWarmUpReadEveryHotPageWithout200Failures() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!warmUp.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        JsonPath ready = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath();
        Map<String, Object> data = ready.getMap("checks.find { it.name == 'warm-up' }.data");
        // how many fit in the time limit depends on the machine's load; none means no page was warmed
        assertThat("requests sent", ((Number) data.get("requests")).intValue(), greaterThan(0));
        assertEquals(0, ((Number) data.get("failed")).intValue(),
                "every warm-up request was answered 200 (a page that failed was not warmed)");
    }

    @Test
    void theWarmUpPassOpensNoPageOnceTheWarmUpIsOver() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!warmUp.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        given().redirects().follow(false).header(WarmUpPass.HEADER, "anything").get("/claims").then()
                .statusCode(302).header("Location", endsWith("/login"));
        given().header(WarmUpPass.HEADER, "anything").get("/api/claims").then().statusCode(401);
    }

    @Test
    void thePassIsRefusedForWritesAndFromOtherAddressesEvenWhileOpen() {
        String token = pass.open("admin");
        try {
            var loopback = SocketAddress.inetSocketAddress(8080, "127.0.0.1");
            var elsewhere = SocketAddress.inetSocketAddress(8080, "203.0.113.7");
            assertEquals(Optional.of("admin"),
                    pass.admit(token, true, loopback));
            assertTrue(pass.admit(token, false, loopback).isEmpty(), "a POST");
            assertTrue(pass.admit(token, true, elsewhere).isEmpty(), "not loopback");
            assertTrue(pass.admit(token + "x", true, loopback).isEmpty(), "forged");
        } finally {
            pass.close();
        }
        assertTrue(pass.admit(token,
                true, SocketAddress.inetSocketAddress(8080, "127.0.0.1")).isEmpty(), "closed");
    }
}
