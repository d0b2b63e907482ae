package org.desist.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.desist.support.Commands;
import org.junit.jupiter.api.Test;

/** A disclosure's recipient and content hash are sealed in its audit row; every other row seals as it always did. */
class DisclosureSealTest {
    static final AuditKey KEY = AuditKeys.of(Commands.AUDIT_KEY, "").current();
    static final Instant AT = Instant.parse("2026-12-04T10:15:30Z");

    static AuditEvent read() {
        return new AuditEvent(
                AT,
                "po.test",
                "probation",
                AuditAction.read,
                "participant",
                "p-1",
                "p-1",
                200,
                "req-1",
                "parole hearing",
                "10.0.0.1");
    }

    static AuditEvent disclosure(String recipient, String sha256) {
        return new AuditEvent(
                AT,
                "po.test",
                "probation",
                AuditAction.disclose,
                "probation_summary",
                "d-1",
                "p-1",
                200,
                "req-1",
                "parole hearing",
                "10.0.0.1",
                recipient,
                sha256);
    }

    @Test
    void a_row_without_a_recipient_seals_exactly_as_before_disclosures_were_kept() {
        // computed with the code of commit 55fc3e0, before AuditEvent had a recipient or a content hash
        assertThat(AuditHash.sealed(KEY, 42, read(), "prev-hash"))
                .isEqualTo("ff00cfd33fe3c1c42c1d50b27bf9fa4499760c812d9835816435f51340104805");
    }

    @Test
    void changing_the_recipient_or_the_hash_breaks_the_seal() {
        String sha = "a".repeat(64);
        String sealed = AuditHash.sealed(KEY, 7, disclosure("Jane Hill, HMPPS", sha), "prev");

        assertThat(AuditHash.sealed(KEY, 7, disclosure("Jane Hill, HMPPS", sha), "prev"))
                .isEqualTo(sealed);
        assertThat(AuditHash.sealed(KEY, 7, disclosure("John Doe, Daily News", sha), "prev"))
                .isNotEqualTo(sealed);
        assertThat(AuditHash.sealed(KEY, 7, disclosure("Jane Hill, HMPPS", "b".repeat(64)), "prev"))
                .isNotEqualTo(sealed);
        assertThat(AuditHash.sealed(KEY, 7, disclosure(null, null), "prev")).isNotEqualTo(sealed);
    }

    @Test
    void a_recipient_cannot_be_moved_into_another_field_unnoticed() {
        // length-prefixed fields: the same characters split differently seal differently
        assertThat(AuditHash.sealed(KEY, 7, disclosure("Jane Hill, HMPPS", "x"), "prev"))
                .isNotEqualTo(AuditHash.sealed(KEY, 7, disclosure("Jane Hill, HMPPSx", null), "prev"));
    }
}
