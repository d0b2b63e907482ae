package org.desist.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.desist.db.Databases;
import org.desist.support.Commands;
import org.desist.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * audit-verify on a database that is being written: appenders keep adding rows while the chain is walked
 * over and over, and every walk must find it intact. A walk that read the rows first and the head last
 * saw a head ahead of its rows whenever an append committed in between, and called that a cut.
 */
@Tag("slow")
class LiveVerificationTest {
    private static final int WALKS = 300;
    private static final int APPENDERS = 2;

    @Test
    void a_walk_during_appends_always_finds_the_chain_intact() throws Exception {
        TestDatabase database = TestDatabase.fresh();
        try (Databases.Opened opened = Databases.open(database.factory(), true, "live-verification")) {
            Jdbi jdbi = opened.jdbi();
            AuditKeys.of(Commands.AUDIT_KEY, "").installOn(jdbi);
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong appended = new AtomicLong();
            List<Thread> appenders = new ArrayList<>();
            for (int i = 0; i < APPENDERS; i++) {
                String who = "appender-" + i;
                Thread appender = new Thread(
                        () -> {
                            while (writing.get()) {
                                jdbi.useTransaction(handle -> AuditChain.append(
                                        handle,
                                        List.of(new AuditEvent(
                                                Instant.now(),
                                                who,
                                                "clinician",
                                                AuditAction.read,
                                                "participant",
                                                "p-1",
                                                "p-1",
                                                200,
                                                "request-" + appended.incrementAndGet(),
                                                null,
                                                null))));
                            }
                        },
                        who);
                appender.start();
                appenders.add(appender);
            }
            List<String> problems = new ArrayList<>();
            try {
                for (int walk = 0; walk < WALKS; walk++) {
                    AuditVerification.Result result = AuditVerification.walk(jdbi);
                    if (!result.intact()) {
                        problems.add("walk " + walk + " at row " + result.rows() + ": " + result.problem());
                    }
                }
            } finally {
                writing.set(false);
                for (Thread appender : appenders) {
                    appender.join();
                }
            }
            assertThat(appended.get()).as("rows appended during the walks").isPositive();
            assertThat(problems).as("walks that called a live chain broken").isEmpty();
            AuditVerification.Result settled = AuditVerification.walk(jdbi);
            assertThat(settled.intact()).as(String.valueOf(settled)).isTrue();
            assertThat(settled.rows()).isEqualTo(appended.get());
        }
    }
}
