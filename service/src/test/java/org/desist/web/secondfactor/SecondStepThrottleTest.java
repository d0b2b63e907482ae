package org.desist.web.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.desist.DesistApplication;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.PageClient;
import org.desist.support.Staff;
import org.desist.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Guessing codes at the second step counts as guessing passwords: past the allowance, 429 with Retry-After. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class SecondStepThrottleTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = new DropwizardAppExtension<>(
            DesistApplication.class,
            ResourceHelpers.resourceFilePath("test-config.yml"),
            TestDatabase.fresh()
                    .overrides(
                            ConfigOverride.config("secondFactor.required", "true"),
                            ConfigOverride.config("signInFailuresPerAddress", "3")));
    private static final Pattern KEY = Pattern.compile("data-test=\"secret\">([A-Z2-7 ]+)<");

    @Test
    void wrong_codes_from_one_address_are_answered_429_with_the_page_saying_when_to_try_again() {
        Staff.ensure(APP, "po.guessed", Set.of(Role.probation), Set.of());
        PageClient browser = new PageClient(APP.getLocalPort()).signIn("po.guessed", Staff.PASSWORD);
        HttpResponse<String> scan =
                browser.post("/account/second-factor/start", browser.withToken("/account/second-factor", Map.of()));
        Matcher key = KEY.matcher(scan.body());
        assertThat(key.find()).as(scan.body()).isTrue();
        AuthenticatorApp app = new AuthenticatorApp(key.group(1));
        browser.post(
                "/account/second-factor/confirm",
                browser.withToken("/account/second-factor", Map.of("code", app.code())));

        PageClient guesser = new PageClient(APP.getLocalPort()).signIn("po.guessed", Staff.PASSWORD);
        HttpResponse<String> answer = null;
        for (int tries = 0; tries < 4; tries++) {
            answer = guesser.post("/sign-in/code", guesser.withToken("/sign-in/code", Map.of("code", app.wrongCode())));
            if (answer.statusCode() == 429) {
                break;
            }
            assertThat(answer.statusCode()).isEqualTo(401);
        }
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.body()).contains("There is a problem", "Too many wrong codes. Try again in");

        HttpResponse<String> right =
                guesser.post("/sign-in/code", guesser.withToken("/sign-in/code", Map.of("code", app.nextCode())));
        assertThat(right.statusCode()).as("blocked whatever the code").isEqualTo(429);
        assertThat(guesser.get("/cases").statusCode()).isEqualTo(303);
    }
}
