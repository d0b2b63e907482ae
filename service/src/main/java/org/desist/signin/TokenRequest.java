package org.desist.signin;

import io.swagger.v3.oas.annotations.media.Schema;

/** The optional body of POST /api/tokens: the second factor, beside the password in the Basic header. */
@Schema(description = "Required when the account needs a second factor: a code, or a recovery code in its place")
public record TokenRequest(
        @Schema(description = "The six-digit code your authenticator app shows now", example = "123456")
        String code,

        @Schema(description = "One of your unused recovery codes, in place of a code", example = "abcde-fghjk")
        String recoveryCode) {}
