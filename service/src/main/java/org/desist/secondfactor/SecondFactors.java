package org.desist.secondfactor;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import org.desist.access.SecondFactorNeeds;
import org.desist.audit.AuditAction;
import org.desist.audit.AuditLog;
import org.desist.audit.Outcome;
import org.desist.auth.Caller;
import org.desist.auth.LogSafe;
import org.desist.auth.SecurityEvents;
import org.desist.refusal.FieldReason;
import org.desist.refusal.Refusal;
import org.desist.signin.Credentials;
import org.desist.signin.Passwords;
import org.desist.signin.SecondStep;
import org.desist.signin.SignInThrottle;
import org.desist.signin.TokenDao;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's second factor: a TOTP secret for an authenticator app ({@link Totp}) and ten one-time recovery
 * codes. Enrolment makes a pending secret that a current code confirms; a code is accepted once (the step it
 * belongs to is spent by a conditional update, so a replay fails on every instance); every wrong code or recovery
 * code counts in the password throttle; enrolment, confirmation, a recovery code's use and an administrator's
 * reset are audited.
 */
public class SecondFactors implements SecondFactorNeeds {
    private static final Logger LOG = LoggerFactory.getLogger(SecondFactors.class);
    static final String RESOURCE = "second_factor";
    static final String RECOVERY_RESOURCE = "recovery_code";
    /** How a sign-in by this step is named in the authentication events (auth/SecurityEvents). */
    private static final String SECOND_FACTOR = "second_factor";

    /** A new secret, to type or scan: shown once, at the start of enrolment. */
    @Schema(name = "SecondFactorEnrolment")
    public record Enrolment(
            @Schema(
                    description = "The secret in base32, for typing into an authenticator app",
                    example = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
            String secret,

            @Schema(
                    description = "The same secret as a key URI (what the QR code holds)",
                    example = "otpauth://totp/Desist:pat.lee?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Desist"
                            + "&algorithm=SHA1&digits=6&period=30")
            String otpauthUri) {}

    /** The body of POST /api/me/second-factor: needed only to replace a second factor already confirmed. */
    @Schema(name = "SecondFactorStart")
    public record EnrolmentStart(
            @Schema(
                    description = "Your password: required when you already have a second factor",
                    example = "correct horse battery staple")
            String currentPassword,

            @Schema(
                    description = "A current code of your present second factor: required when you have one",
                    example = "123456")
            String code) {}

    /** Ten one-time recovery codes: shown once, kept only as hashes. */
    @Schema(name = "RecoveryCodes")
    public record RecoveryCodes(
            @Schema(
                    description = "Each works once in place of a code: keep them somewhere safe",
                    example = "[\"abcde-fghjk\"]")
            @JsonProperty("recoveryCodes")
            List<String> codes) {}

    /** The second factor offered at sign-in: a code of the authenticator app, or a recovery code. */
    @Schema(name = "SecondFactorProof")
    public record Proof(
            @Schema(description = "The six-digit code your authenticator app shows now", example = "123456")
            String code,

            @Schema(description = "One of your recovery codes, in place of a code", example = "abcde-fghjk")
            String recoveryCode) {
        boolean empty() {
            return blank(code) && blank(recoveryCode);
        }
    }

    /** How a second factor presented at sign-in went: whether it was a recovery code, and how many remain. */
    public record Presented(boolean recoveryCodeUsed, int recoveryCodesLeft) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final SignInThrottle throttle;
    private final boolean required;
    private final AdministeredChange administered;

    public SecondFactors(
            Jdbi jdbi,
            Clock clock,
            AuditLog audit,
            SignInThrottle throttle,
            SecondFactorSettings settings,
            AdministeredChange administered) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.throttle = throttle;
        this.required = settings.isRequired();
        this.administered = administered;
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public boolean enrolled(String username) {
        return jdbi.withExtension(SecondFactorDao.class, factors -> factors.confirmedCount(username)) > 0;
    }

    public boolean needed(String username) {
        return required || enrolled(username);
    }

    /**
     * Starts or restarts enrolment: a new pending secret. An account already enrolled must give its current
     * password and a current code (ASVS 7.5.1): 400 naming a missing field, 403 naming a wrong one.
     */
    public Enrolment begin(Caller caller, EnrolmentStart start) {
        String username = caller.username();
        Optional<SecondFactorDao.Factor> factor = factor(username);
        if (factor.isPresent() && factor.get().confirmed()) {
            EnrolmentStart given = start == null ? new EnrolmentStart(null, null) : start;
            requireGiven("currentPassword", given.currentPassword(), "your password");
            requireGiven("code", given.code(), "a current code of your present second factor");
            requireCurrentPassword(caller, given.currentPassword());
            requireCurrentCode(caller, given.code());
        }
        String secret = Totp.newSecret();
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            SecondFactorDao factors = handle.attach(SecondFactorDao.class);
            if (factors.setPending(username, secret, now) == 0) {
                factors.insertPending(username, secret, now);
            }
            audit.change(handle, caller, AuditAction.create, RESOURCE, username, null, Outcome.CREATED);
        });
        return new Enrolment(secret, Totp.otpauthUri(username, secret));
    }

    /** A current code of the pending secret makes it the account's; answers ten recovery codes, shown once. */
    public RecoveryCodes confirm(Caller caller, String code) {
        String username = caller.username();
        requireGiven("code", code, "the code your authenticator app shows now");
        String pending = factor(username)
                .map(SecondFactorDao.Factor::pendingSecret)
                .orElseThrow(() ->
                        new Refusal.Conflict("No enrolment is under way: start one with POST /api/me/second-factor"));
        notThrottled(caller);
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(pending, code, now);
        if (step.isEmpty()) {
            // counted like any wrong code; not a denial (the caller holds the secret): a mistyped code, or a clock
            throttle.failed(username, caller.clientAddress());
            throw new Refusal.Invalid("code", "is not the current code of the new secret: check the app's clock");
        }
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        // Argon2 outside the transaction: no write lock is held for the time of ten hashes
        for (int i = 0; i < RecoveryCodeText.COUNT; i++) {
            String recovery = RecoveryCodeText.next();
            codes.add(recovery);
            hashes.add(Passwords.hash(recovery));
        }
        jdbi.useTransaction(handle -> {
            SecondFactorDao factors = handle.attach(SecondFactorDao.class);
            if (factors.confirm(username, pending, step.getAsLong(), now) != 1) {
                throw new Refusal.Conflict("Enrolment was restarted meanwhile: confirm with a code of the new secret");
            }
            factors.deleteCodes(username);
            for (String hash : hashes) {
                factors.insertCode(UUID.randomUUID().toString(), username, hash, now);
            }
            audit.change(handle, caller, AuditAction.update, RESOURCE, username, null, Outcome.CHANGED);
        });
        LOG.info("Second factor confirmed for user '{}'", LogSafe.text(username));
        return new RecoveryCodes(List.copyOf(codes));
    }

    /**
     * Checks a code or a recovery code at sign-in, once the password is known to be right: the password throttle,
     * one use per code, audited. Refused: a Refusal (403 for an account not enrolled yet, 400 naming code when
     * nothing was given, 401 naming the field, or 429 while throttled).
     */
    public Presented present(String username, Proof proof, String address, String requestId) {
        if (!enrolled(username)) {
            // only after the password was checked: nothing to guess here, and nothing learnt without the password
            throw new Refusal.Forbidden(
                    "Enrol a second factor first: POST /api/me/second-factor, then POST /api/me/second-factor/confirm",
                    List.of());
        }
        if (proof == null || proof.empty()) {
            throw missing("code", "the code your authenticator app shows now (or a recoveryCode)");
        }
        SignInThrottle.Verdict verdict = throttle.before(username, address);
        if (verdict.blockedFor().isPresent()) {
            SecurityEvents.signInFailed(SECOND_FACTOR, username, "throttled", address, requestId);
            audit.signInFailed(username, address, requestId, Outcome.THROTTLED);
            throw verdict.refusal();
        }
        pause(verdict.delay());
        if (!blank(proof.code())) {
            if (!spendCode(username, proof.code())) {
                refuse(
                        username,
                        address,
                        requestId,
                        "code",
                        "is not a current code of your second factor, or was used");
            }
            SecurityEvents.signedIn(SECOND_FACTOR, username, address, requestId);
            return new Presented(false, codesLeft(username));
        }
        OptionalInt left = spendRecoveryCode(username, proof.recoveryCode(), address, requestId);
        if (left.isEmpty()) {
            refuse(username, address, requestId, "recoveryCode", "is not one of your unused recovery codes");
        }
        SecurityEvents.signedIn(SECOND_FACTOR, username, address, requestId);
        return new Presented(true, left.getAsInt());
    }

    /**
     * A current code of the caller's second factor, when they have one (changing the password needs it, ASVS
     * 7.5.1): 400 when missing, 403 when wrong or replayed. Throttled like a password; the code is spent.
     */
    public void requireCodeIfEnrolled(Caller caller, String code) {
        if (!enrolled(caller.username())) {
            return;
        }
        requireGiven("code", code, "a current code of your second factor");
        requireCurrentCode(caller, code);
    }

    /**
     * An administrator's reset: the factor and its recovery codes go, the account's credential version moves
     * (every session and token ends) and it must enrol again at its next sign-in. Audited.
     */
    public void reset(Caller admin, String username) {
        administered.apply(admin, username, AuditAction.update, handle -> {
            SecondFactorDao factors = handle.attach(SecondFactorDao.class);
            factors.deleteCodes(username);
            factors.delete(username);
            handle.attach(TokenDao.class).revokeAllOf(username, clock.instant());
            audit.change(handle, admin, AuditAction.update, RESOURCE, username, null, Outcome.DONE);
        });
        LOG.info("Second factor of user '{}' reset by '{}'", LogSafe.text(username), LogSafe.text(admin.username()));
    }

    /** The otpauth URI as a QR code, SVG markup (for the enrolment page, no script, no external image). */
    public static String qrSvg(String otpauthUri) {
        return QrSvg.of(otpauthUri);
    }

    /** This service as issuing a token asks for it. */
    public SecondStep atTokenIssue() {
        return new SecondStep() {
            @Override
            public boolean needed(String username) {
                return SecondFactors.this.needed(username);
            }

            @Override
            public OptionalInt present(
                    String username, String code, String recoveryCode, String address, String requestId) {
                Presented presented =
                        SecondFactors.this.present(username, new Proof(code, recoveryCode), address, requestId);
                return presented.recoveryCodeUsed()
                        ? OptionalInt.of(presented.recoveryCodesLeft())
                        : OptionalInt.empty();
            }
        };
    }

    private Optional<SecondFactorDao.Factor> factor(String username) {
        return jdbi.withExtension(SecondFactorDao.class, factors -> factors.find(username));
    }

    private int codesLeft(String username) {
        return jdbi.withExtension(SecondFactorDao.class, factors -> factors.codesLeft(username));
    }

    /** True if the code is current for the confirmed secret and its step was not spent before (now it is). */
    private boolean spendCode(String username, String code) {
        Optional<SecondFactorDao.Factor> factor = factor(username);
        if (factor.isEmpty() || !factor.get().confirmed()) {
            return false;
        }
        String secret = factor.get().secret();
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(secret, code, now);
        return step.isPresent()
                && jdbi.withExtension(
                                SecondFactorDao.class,
                                factors -> factors.spend(username, secret, step.getAsLong(), now))
                        == 1;
    }

    /** The recovery codes left once this one is spent; empty if it is not an unused one of the account's. */
    private OptionalInt spendRecoveryCode(String username, String typed, String address, String requestId) {
        String recovery = RecoveryCodeText.normal(typed);
        if (recovery == null) {
            return OptionalInt.empty();
        }
        Instant now = clock.instant();
        for (SecondFactorDao.RecoveryCode stored :
                jdbi.withExtension(SecondFactorDao.class, factors -> factors.unusedCodes(username))) {
            if (Passwords.matches(recovery, stored.codeHash())) {
                return jdbi.inTransaction(handle -> {
                    SecondFactorDao factors = handle.attach(SecondFactorDao.class);
                    if (factors.spendCode(stored.id(), now) != 1) {
                        return OptionalInt.empty(); // spent meanwhile by another request
                    }
                    Caller owner =
                            new Caller(handle.attach(Credentials.class).user(username), requestId, null, address);
                    audit.change(handle, owner, AuditAction.update, RECOVERY_RESOURCE, username, null, Outcome.CHANGED);
                    LOG.info("Recovery code used by user '{}'", LogSafe.text(username));
                    return OptionalInt.of(factors.codesLeft(username));
                });
            }
        }
        return OptionalInt.empty();
    }

    private void refuse(String username, String address, String requestId, String field, String reason) {
        throttle.failed(username, address);
        LOG.warn("Second factor refused for user '{}' from {}", LogSafe.text(username), LogSafe.text(address));
        SecurityEvents.signInFailed(SECOND_FACTOR, username, "wrong_" + field, address, requestId);
        audit.signInFailed(username, address, requestId, Outcome.UNAUTHENTICATED);
        throw new Refusal.Unauthenticated(field, reason);
    }

    private void requireCurrentPassword(Caller caller, String password) {
        notThrottled(caller);
        Optional<Credentials.Account> account =
                jdbi.withExtension(Credentials.class, accounts -> accounts.account(caller.username()));
        boolean matches = account.isPresent()
                ? Passwords.matches(password, account.get().passwordHash())
                : Passwords.matchesNothing(password);
        if (!matches) {
            forbid(caller, "currentPassword", "is not your current password");
        }
    }

    private void requireCurrentCode(Caller caller, String code) {
        notThrottled(caller);
        if (!spendCode(caller.username(), code)) {
            forbid(caller, "code", "is not a current code of your second factor, or was used already");
        }
    }

    private void notThrottled(Caller caller) {
        SignInThrottle.Verdict verdict = throttle.before(caller.username(), caller.clientAddress());
        if (verdict.blockedFor().isPresent()) {
            audit.denied(caller, RESOURCE, caller.username(), null, Outcome.THROTTLED);
            throw verdict.refusal();
        }
        pause(verdict.delay());
    }

    private void forbid(Caller caller, String field, String reason) {
        throttle.failed(caller.username(), caller.clientAddress());
        audit.denied(caller, RESOURCE, caller.username(), null, Outcome.FORBIDDEN);
        throw new Refusal.Forbidden(field + " " + reason, List.of(new FieldReason(field, reason)));
    }

    private static void requireGiven(String field, String value, String what) {
        if (blank(value)) {
            throw missing(field, what);
        }
    }

    /** 400 naming the field: the request lacks it. */
    private static Refusal missing(String field, String what) {
        return new Refusal.BadParameter(field, "is required: " + what);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
