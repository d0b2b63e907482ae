package org.desist.site;

import java.time.Instant;

public record Site(String code, String name, Model model, Instant createdAt) {}
