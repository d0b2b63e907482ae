package org.desist.retention;

import java.time.LocalDate;
import java.util.List;

/** The cases due for review on a day (that day or earlier), the longest overdue first. */
public record ReviewQueue(LocalDate today, List<ReviewItem> cases) {}
