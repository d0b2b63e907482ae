package org.desist.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Map;
import org.desist.config.DesistConfiguration;
import org.desist.support.Api;
import org.desist.support.Cases;
import org.desist.support.Reply;
import org.desist.support.TableDigest;
import org.desist.support.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A NUL character in text is refused where it comes in, naming where it was, and changes nothing. On
 * PostgreSQL it used to reach the database and fail the audit group commit: a 500 for the request and
 * for every read committed with it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class NulCharactersTest {
    static final DropwizardAppExtension<DesistConfiguration> APP = TestApp.fresh();
    static Api api;

    @BeforeAll
    static void aSite() {
        api = TestApp.api(APP);
        new Cases(api).site("NUL");
    }

    @Test
    void in_a_query_parameter() {
        Reply reply = api.get("/participants?siteCode=Ha%00le");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.fieldsAtFault()).containsExactly("siteCode");

        Reply audit = api.get("/audit?participantId=%00");
        assertThat(audit.status()).isEqualTo(400);
        assertThat(audit.fieldsAtFault()).containsExactly("participantId");
    }

    @Test
    void in_a_json_string() {
        try (TableDigest tables = TableDigest.of(APP)) {
            Map<String, String> before = tables.take();
            Reply reply = api.post("/referrals", Cases.referral("NUL", "2026-02-01", "Dan\u0000iel", "Hale"));
            assertThat(reply.status()).as(reply.toString()).isBetween(400, 422);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.fieldsAtFault()).as(reply.toString()).containsExactly("participant.givenName");
            assertThat(TableDigest.changed(before, tables.take())).isEmpty();
        }
    }

    /**
     * U+FFFF is a Unicode noncharacter, never in text a person writes; Java's text layout takes it for the
     * end of the text and the PDF of a case holding one failed (a 500 for every summary of that case).
     */
    @Test
    void a_noncharacter_in_a_json_string_or_a_query_parameter() {
        try (TableDigest tables = TableDigest.of(APP)) {
            Map<String, String> before = tables.take();
            for (String odd : new String[] {"\uFFFF", "\uFFFE", "\uFDD0"}) {
                Reply reply = api.post("/referrals", Cases.referral("NUL", "2026-02-01", "Dan" + odd + "iel", "Hale"));
                assertThat(reply.status()).as(reply.toString()).isBetween(400, 422);
                assertThat(reply.fieldsAtFault()).as(reply.toString()).containsExactly("participant.givenName");
            }
            assertThat(TableDigest.changed(before, tables.take())).isEmpty();
        }
        Reply query = api.get("/participants?siteCode=Ha%EF%BF%BFle");
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.fieldsAtFault()).containsExactly("siteCode");
    }
}
