package org.desist.secondfactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.desist.audit.AuditKeys;
import org.desist.audit.AuditLog;
import org.desist.audit.ReadAuditWriter;
import org.desist.auth.Caller;
import org.desist.auth.Role;
import org.desist.auth.User;
import org.desist.db.Databases;
import org.desist.refusal.FieldReason;
import org.desist.refusal.Refusal;
import org.desist.signin.SignInThrottle;
import org.desist.support.Commands;
import org.desist.support.Staff;
import org.desist.support.TestDatabase;
import org.desist.user.StaffAccounts;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The second factor's service on a migrated database, with a clock the test moves: enrolment and its
 * confirmation, a code accepted once within its window, the password throttle, recovery codes, the reset.
 */
class SecondFactorsTest {
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-12-03T09:00:10Z"));
    private static final int BLOCK_AFTER = 6;
    private static final TestDatabase DATABASE = TestDatabase.fresh();
    private static Databases.Opened database;
    private static ReadAuditWriter writer;
    private static SecondFactors factors;
    private static int addresses;

    @BeforeAll
    static void open() throws Exception {
        database = Databases.open(DATABASE.factory(), true, "second-factors-test");
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.get();
            }
        };
        Jdbi jdbi = database.jdbi();
        AuditKeys.of(Commands.AUDIT_KEY, "").installOn(jdbi);
        writer = new ReadAuditWriter(jdbi);
        writer.start();
        AuditLog audit = new AuditLog(clock, writer);
        factors = new SecondFactors(
                jdbi,
                clock,
                audit,
                new SignInThrottle(jdbi, clock, BLOCK_AFTER),
                new SecondFactorSettings(),
                StaffAccounts.administeredChange(jdbi, clock, audit));
    }

    @AfterAll
    static void close() throws Exception {
        writer.stop();
        database.close();
    }

    /** A new account, signed in from an address of its own (so throttling in one test stays in it). */
    private static Caller account(String username) {
        Staff.ensure(DATABASE, username, Set.of(Role.police), Set.of());
        addresses++;
        return new Caller(
                new User(username, Set.of(Role.police), Set.of()), "req-" + username, null, "192.0.2." + addresses);
    }

    private static String code(String secret) {
        return Totp.code(secret, NOW.get());
    }

    private static void nextStep() {
        NOW.updateAndGet(now -> now.plusSeconds(30));
    }

    /** Enrolled, with the secret and the recovery codes; the clock moved on past the confirming code's step. */
    private static Enrolled enrolled(Caller caller) {
        SecondFactors.Enrolment enrolment = factors.begin(caller, null);
        SecondFactors.RecoveryCodes codes = factors.confirm(caller, code(enrolment.secret()));
        nextStep();
        return new Enrolled(enrolment.secret(), codes.codes());
    }

    private record Enrolled(String secret, List<String> recoveryCodes) {}

    private static SecondFactors.Presented present(Caller caller, String code, String recoveryCode) {
        return factors.present(
                caller.username(), new SecondFactors.Proof(code, recoveryCode), caller.clientAddress(), "req");
    }

    @Test
    void enrolment_is_pending_until_a_current_code_confirms_it() {
        Caller caller = account("en.rol");
        SecondFactors.Enrolment enrolment = factors.begin(caller, null);
        assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/Desist:en.rol?secret=" + enrolment.secret());
        assertThat(factors.enrolled("en.rol")).isFalse();
        assertThat(factors.needed("en.rol")).isTrue(); // required by default

        assertThatThrownBy(() -> factors.confirm(caller, "000000"))
                .isInstanceOf(Refusal.Invalid.class)
                .extracting(refusal -> ((Refusal) refusal).fields())
                .asList()
                .extracting(field -> ((FieldReason) field).field())
                .containsExactly("code");
        assertThat(factors.enrolled("en.rol")).isFalse();

        SecondFactors.RecoveryCodes codes = factors.confirm(caller, code(enrolment.secret()));
        assertThat(codes.codes()).hasSize(10).doesNotHaveDuplicates();
        assertThat(factors.enrolled("en.rol")).isTrue();
        // the confirming code was spent with it
        assertThatThrownBy(() -> present(caller, code(enrolment.secret()), null))
                .isInstanceOf(Refusal.Unauthenticated.class);
        // stored only as hashes
        List<String> stored = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT code_hash FROM recovery_code WHERE username = 'en.rol'")
                .mapTo(String.class)
                .list());
        assertThat(stored).hasSize(10).allSatisfy(hash -> assertThat(hash).startsWith("$argon2id$"));
        assertThat(String.join(" ", stored)).doesNotContain(codes.codes().get(0));
    }

    @Test
    void confirming_without_an_enrolment_under_way_is_a_conflict() {
        Caller caller = account("no.start");
        assertThatThrownBy(() -> factors.confirm(caller, "123456")).isInstanceOf(Refusal.Conflict.class);
        assertThatThrownBy(() -> factors.confirm(caller, null)).isInstanceOf(Refusal.BadParameter.class);
    }

    @Test
    void a_code_works_once_within_its_window_and_a_neighbouring_step_still_works() {
        Caller caller = account("re.play");
        Enrolled enrolled = enrolled(caller);
        String now = code(enrolled.secret());

        assertThat(present(caller, now, null)).isEqualTo(new SecondFactors.Presented(false, 10));
        assertThatThrownBy(() -> present(caller, now, null))
                .isInstanceOf(Refusal.Unauthenticated.class)
                .hasMessageStartingWith("code ");
        // an earlier step than the one spent is refused too, even within the drift allowed
        String previous = Totp.code(enrolled.secret(), NOW.get().minusSeconds(30));
        assertThatThrownBy(() -> present(caller, previous, null)).isInstanceOf(Refusal.Unauthenticated.class);
        // the next step's code (a phone a little ahead) is good once
        String ahead = Totp.code(enrolled.secret(), NOW.get().plusSeconds(30));
        assertThat(present(caller, ahead, null).recoveryCodeUsed()).isFalse();
        assertThatThrownBy(() -> present(caller, ahead, null)).isInstanceOf(Refusal.Unauthenticated.class);
        // two steps away is refused
        nextStep();
        nextStep();
        nextStep();
        String stale = Totp.code(enrolled.secret(), NOW.get().minusSeconds(60));
        assertThatThrownBy(() -> present(caller, stale, null)).isInstanceOf(Refusal.Unauthenticated.class);
    }

    @Test
    void nothing_given_is_400_naming_code() {
        Caller caller = account("no.code");
        enrolled(caller);
        assertThatThrownBy(() -> present(caller, null, " "))
                .isInstanceOf(Refusal.BadParameter.class)
                .hasMessageStartingWith("code ");
    }

    @Test
    void wrong_codes_count_in_the_password_throttle_until_the_address_is_blocked() {
        Caller caller = account("gu.esser");
        Enrolled enrolled = enrolled(caller);
        for (int i = 0; i < BLOCK_AFTER; i++) {
            assertThatThrownBy(() -> present(caller, "000000", null)).isInstanceOf(Refusal.Unauthenticated.class);
        }
        // now even the right code is refused without being checked
        assertThatThrownBy(() -> present(caller, code(enrolled.secret()), null)).isInstanceOf(Refusal.Throttled.class);
        assertThatThrownBy(() -> present(caller, null, enrolled.recoveryCodes().get(0)))
                .isInstanceOf(Refusal.Throttled.class);
    }

    @Test
    void a_recovery_code_works_once_and_the_answer_says_how_many_remain() {
        Caller caller = account("re.cover");
        Enrolled enrolled = enrolled(caller);
        String first = enrolled.recoveryCodes().get(0);

        assertThat(present(caller, null, first.toUpperCase())).isEqualTo(new SecondFactors.Presented(true, 9));
        assertThatThrownBy(() -> present(caller, null, first))
                .isInstanceOf(Refusal.Unauthenticated.class)
                .hasMessageStartingWith("recoveryCode ");
        assertThat(present(caller, null, enrolled.recoveryCodes().get(1)).recoveryCodesLeft())
                .isEqualTo(8);
        assertThatThrownBy(() -> present(caller, null, "abcde-fghjk")).isInstanceOf(Refusal.Unauthenticated.class);
        // another account's code is not this one's
        Caller other = account("re.other");
        Enrolled others = enrolled(other);
        assertThatThrownBy(() -> present(caller, null, others.recoveryCodes().get(0)))
                .isInstanceOf(Refusal.Unauthenticated.class);
    }

    @Test
    void replacing_a_second_factor_needs_the_password_and_a_current_code() {
        Caller caller = account("re.place");
        Enrolled enrolled = enrolled(caller);

        assertThatThrownBy(() -> factors.begin(caller, null))
                .isInstanceOf(Refusal.BadParameter.class)
                .hasMessageStartingWith("currentPassword ");
        assertThatThrownBy(() -> factors.begin(caller, new SecondFactors.EnrolmentStart(Staff.PASSWORD, null)))
                .isInstanceOf(Refusal.BadParameter.class)
                .hasMessageStartingWith("code ");
        assertThatThrownBy(() -> factors.begin(
                        caller, new SecondFactors.EnrolmentStart("not the password", code(enrolled.secret()))))
                .isInstanceOf(Refusal.Forbidden.class)
                .hasMessageStartingWith("currentPassword ");
        assertThatThrownBy(() -> factors.begin(caller, new SecondFactors.EnrolmentStart(Staff.PASSWORD, "000000")))
                .isInstanceOf(Refusal.Forbidden.class)
                .hasMessageStartingWith("code ");

        SecondFactors.Enrolment next =
                factors.begin(caller, new SecondFactors.EnrolmentStart(Staff.PASSWORD, code(enrolled.secret())));
        // until the new one is confirmed, the old one stays the account's
        nextStep();
        assertThat(present(caller, code(enrolled.secret()), null).recoveryCodeUsed())
                .isFalse();
        List<String> codes = factors.confirm(caller, code(next.secret())).codes();
        nextStep();
        assertThatThrownBy(() -> present(caller, code(enrolled.secret()), null))
                .isInstanceOf(Refusal.Unauthenticated.class);
        assertThat(present(caller, code(next.secret()), null).recoveryCodeUsed())
                .isFalse();
        // the old recovery codes went with the old factor
        assertThatThrownBy(() -> present(caller, null, enrolled.recoveryCodes().get(0)))
                .isInstanceOf(Refusal.Unauthenticated.class);
        assertThat(present(caller, null, codes.get(0)).recoveryCodesLeft()).isEqualTo(9);
    }

    @Test
    void a_reset_removes_the_factor_and_its_codes_moves_the_credential_version_and_ends_tokens() {
        Caller caller = account("lost.phone");
        enrolled(caller);
        long before = version("lost.phone");
        Caller admin = new Caller(new User("ad.min", Set.of(Role.admin), Set.of()), "req-admin", null, "192.0.2.250");
        Staff.ensure(DATABASE, "ad.min", Set.of(Role.admin), Set.of());

        factors.reset(admin, "lost.phone");

        assertThat(factors.enrolled("lost.phone")).isFalse();
        assertThat(factors.needed("lost.phone")).isTrue();
        assertThat(version("lost.phone")).isGreaterThan(before);
        int codesLeft = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM recovery_code WHERE username = 'lost.phone'")
                .mapTo(Integer.class)
                .one());
        assertThat(codesLeft).isZero();
        assertThatThrownBy(() -> factors.reset(admin, "no.such.account")).isInstanceOf(Refusal.NotFound.class);
        // a site administrator does not reach an account of every site
        Caller siteAdmin = new Caller(new User("site.ad", Set.of(Role.admin), Set.of("S1")), "r", null, "192.0.2.251");
        assertThatThrownBy(() -> factors.reset(siteAdmin, "lost.phone")).isInstanceOf(Refusal.NotFound.class);
    }

    private static long version(String username) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT credential_version FROM app_user WHERE username = :username")
                .bind("username", username)
                .mapTo(Long.class)
                .one());
    }
}
