package org.desist.team;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.desist.pdf.PrintedDate;

/** A case's team as the screens show it (the case page's Team section and the team page): values for reading. */
public final class TeamSection {
    public record Row(String allocationId, String username, String part, String from, String to, String allocatedBy) {}

    private final CaseTeam team;

    public TeamSection(CaseTeam team) {
        this.team = team;
    }

    public List<Row> getCurrent() {
        return team.current().stream().map(TeamSection::row).toList();
    }

    public List<Row> getEnded() {
        return team.ended().stream().map(TeamSection::row).toList();
    }

    /** The parts, as the forms' options. */
    public List<Map<String, String>> getRoles() {
        return Arrays.stream(TeamRole.values())
                .map(role -> Map.of("value", role.name(), "label", part(role)))
                .toList();
    }

    /** The open allocations, as the end form's options. */
    public List<Map<String, String>> getOpen() {
        return team.current().stream()
                .map(a -> Map.of("value", a.id(), "label", part(a.role()) + ": " + a.username()))
                .toList();
    }

    static String part(TeamRole role) {
        String words = Eligibility.words(role);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Row row(Allocation a) {
        return new Row(
                a.id(),
                a.username(),
                part(a.role()),
                day(a.from()),
                a.to() == null ? "" : day(a.to()),
                a.allocatedBy());
    }

    private static String day(LocalDate date) {
        return PrintedDate.day(date);
    }
}
