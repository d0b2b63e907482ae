package org.desist.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The enrolment state machine against the moves the spec lists, written out here independently. */
class EnrolmentStateTest {

    private static final Map<String, Set<String>> SPEC = Map.of(
            "referred", Set.of("assessing", "withdrawn"),
            "assessing", Set.of("enrolled", "not_suitable", "withdrawn"),
            "enrolled", Set.of("completed", "withdrawn", "disengaged", "breached", "transferred"));

    private static final Set<String> FINAL =
            Set.of("completed", "withdrawn", "disengaged", "breached", "transferred", "not_suitable");

    @Test
    void theStatesAreExactlyTheNineOfTheSpec() {
        assertThat(Arrays.stream(EnrolmentState.values()).map(Enum::name))
                .containsExactlyInAnyOrder(
                        "referred",
                        "assessing",
                        "enrolled",
                        "completed",
                        "withdrawn",
                        "disengaged",
                        "breached",
                        "transferred",
                        "not_suitable");
    }

    @ParameterizedTest
    @EnumSource(EnrolmentState.class)
    void nextIsExactlyTheMovesTheSpecLists(EnrolmentState from) {
        Set<String> next = from.next().stream().map(Enum::name).collect(Collectors.toSet());
        assertThat(next).isEqualTo(SPEC.getOrDefault(from.name(), Set.of()));
    }

    @ParameterizedTest
    @EnumSource(EnrolmentState.class)
    void canMoveToAgreesWithTheSpecForEveryTarget(EnrolmentState from) {
        for (EnrolmentState to : EnrolmentState.values()) {
            boolean allowed = SPEC.getOrDefault(from.name(), Set.of()).contains(to.name());
            assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed);
        }
    }

    @ParameterizedTest
    @EnumSource(EnrolmentState.class)
    void noStateMovesToItself(EnrolmentState state) {
        assertThat(state.canMoveTo(state)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = EnrolmentState.class,
            names = {"completed", "withdrawn", "disengaged", "breached", "transferred", "not_suitable"})
    void finalStatesHaveNoMoves(EnrolmentState state) {
        assertThat(state.next()).isEmpty();
        assertThat(state.isOpen()).isFalse();
        assertThat(state.isExit()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = EnrolmentState.class,
            names = {"referred", "assessing", "enrolled"})
    void openStatesCanStillMove(EnrolmentState state) {
        assertThat(state.next()).isNotEmpty();
        assertThat(state.isOpen()).isTrue();
        assertThat(state.isExit()).isFalse();
    }

    @Test
    void everyStateIsEitherOpenOrFinal() {
        for (EnrolmentState state : EnrolmentState.values()) {
            assertThat(SPEC.containsKey(state.name()) ^ FINAL.contains(state.name()))
                    .as(state.name())
                    .isTrue();
        }
    }
}
