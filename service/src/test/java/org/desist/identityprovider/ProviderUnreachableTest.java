package org.desist.identityprovider;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.util.Set;
import org.desist.auth.Role;
import org.desist.config.DesistConfiguration;
import org.desist.support.Reply;
import org.desist.support.Staff;
import org.desist.support.TestApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A provider that does not answer: the service starts all the same, and says so on a page, never a 500. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Tag("slow")
class ProviderUnreachableTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.withOfflineIdentityProvider();

    @Test
    void the_button_leads_to_a_page_that_offers_the_password_instead() {
        ProviderFixture.Visitor browser = new ProviderFixture.Visitor();
        String app = "http://localhost:" + APP.getLocalPort();
        assertThat(browser.get(app + "/sign-in").body()).contains("Sign in with your organisation&#39;s account");
        HttpResponse<String> refused = browser.get(app + "/sign-in/provider?next=/");
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.body())
                .contains("could not reach your organisation")
                .contains("sign in with your Desist password");
        HttpResponse<String> callback = browser.get(app + "/sign-in/provider/callback?code=c&state=s");
        assertThat(callback.statusCode()).isEqualTo(400);
    }

    @Test
    void a_bearer_token_that_is_not_desists_is_the_one_401() {
        Staff.ensure(APP, "lead.offline", Set.of(Role.programme_lead), Set.of());
        Reply own = TestApp.anonymous(APP).withBearer("dst_unknown").get("/sites");
        Reply other = TestApp.anonymous(APP)
                .withBearer("eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
                .get("/sites");
        assertThat(other.status()).isEqualTo(401);
        assertThat(other.text()).isEqualTo(own.text());
    }
}
