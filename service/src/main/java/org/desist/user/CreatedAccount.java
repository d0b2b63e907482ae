package org.desist.user;

/** An account made over the API, with the temporary password its owner signs in with first. */
public record CreatedAccount(Account account, TemporaryPassword temporaryPassword) {}
