package org.desist.participant;

/** The participant a merged one was merged into: what a 410 names, and whose site decides who may learn it. */
public record Survivor(String id, String caseRef, String siteCode) {}
