package org.claimdesk.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Pages link the stylesheet by a versioned address, which browsers may keep for a year; other addresses not. */
@QuarkusTest
class AssetVersionsTest {

    @Test
    void theLoginPageLinksAVersionedStylesheetThatIsCachedForAYear() {
        String page = given().get("/login").then().statusCode(200).extract().asString();
        Matcher link = Pattern.compile("href=\"(/static/claimdesk\\.css\\?v=[0-9a-f]{12})\"").matcher(page);
        assertTrue(link.find(), "a versioned stylesheet link in: " + page);
        given().get(link.group(1)).then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .body(containsString("{"));
    }

    @Test
    void anUnversionedAddressIsNotCachedForAYear() {
        given().get("/static/claimdesk.css").then().statusCode(200)
                .header("Cache-Control", not(containsString("31536000")));
    }
}
