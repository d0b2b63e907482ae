package org.desist.summary;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When and for whom a summary was put together: {@code asOf} is the day in London that "in force" and
 * "overdue" are judged on; {@code by} and {@code role} are the caller, printed on every PDF page.
 */
public record Generated(Instant at, LocalDate asOf, String by, String role) {}
