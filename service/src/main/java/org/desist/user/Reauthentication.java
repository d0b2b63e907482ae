package org.desist.user;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The credentials asked again before ending a session or token other than the one in use (ASVS V7.5.2): the
 * body of DELETE /api/me/sessions/{id} and DELETE /api/me/tokens, never the query string (it would be logged).
 */
@Schema(description = "Your credentials again: required to end a session or token other than the one in use")
public record Reauthentication(
        @Schema(description = "Your current password", example = "correct horse battery staple")
        String currentPassword,

        @Schema(description = "A current code of your second factor: required when you have one", example = "123456")
        String code) {}
