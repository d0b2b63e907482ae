package org.desist.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Reply;
import org.desist.support.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API page: served beside Jersey from the jar, pointing at this service's description only. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiPageTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();

    private static Reply get(String path) {
        return new Api("http://localhost:" + APP.getLocalPort()).get(path);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/docs", "/api/docs/", "/api/docs/index.html"})
    void the_page_is_served_without_credentials(String path) {
        Reply page = get(path);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("id=\"swagger-ui\"");
    }

    @Test
    void everything_the_page_loads_is_here_and_under_absolute_addresses() {
        Matcher assets = Pattern.compile("(?:href|src)=\"([^\"]+)\"")
                .matcher(get("/api/docs/").text());
        int found = 0;
        while (assets.find()) {
            String address = assets.group(1);
            assertThat(address).as("no address elsewhere, no relative one").startsWith("/api/");
            if (!address.startsWith("/api/openapi")) {
                Reply asset = get(address);
                assertThat(asset.status()).as(address).isEqualTo(200);
                found++;
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(4);
    }

    @Test
    void the_initializer_reads_this_services_description_and_calls_no_validator() {
        String initializer = get("/api/docs/initializer.js").text();
        assertThat(initializer)
                .contains("url: \"/api/openapi.json\"", "validatorUrl: null")
                .doesNotContain("petstore");
        assertThat(get("/api/openapi.json").status())
                .as("the description the page reads needs no credentials")
                .isEqualTo(200);
    }

    @Test
    void the_webjars_own_demo_page_is_not_served() {
        assertThat(get("/api/docs/swagger-ui/index.html").status()).isEqualTo(404);
        assertThat(get("/api/docs/swagger-ui/swagger-initializer.js").status()).isEqualTo(404);
        assertThat(get("/api/docs/swagger-ui/swagger-ui-bundle.js").status()).isEqualTo(200);
    }

    @Test
    void the_page_carries_its_own_security_headers() {
        Reply page = get("/api/docs/");
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void the_api_beside_the_page_still_needs_credentials() {
        assertThat(get("/api/sites").status()).isEqualTo(401);
        assertThat(get("/api/docsx").status())
                .as("a near miss is the API's unknown address")
                .isEqualTo(404);
    }
}
