package org.desist.access;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The actions of a resource method that serves several at one address, told apart by one query
 * parameter: {@code @Requires(value = SUMMARY_CPS, when = "audience=cps")} and its siblings. They keep
 * the order the method declares them in: a refusal of an unknown value is recorded under the first.
 */
record ActionByQuery(String parameter, Map<String, Action> actions) {

    static ActionByQuery of(Requires[] requires) {
        String parameter = null;
        Map<String, Action> actions = new LinkedHashMap<>();
        for (Requires each : requires) {
            String[] condition = each.when().split("=", -1);
            if (condition.length != 2 || condition[0].isBlank() || condition[1].isBlank()) {
                throw new IllegalStateException(
                        "@Requires on a method with several must say when, as name=value: " + each);
            }
            if (parameter != null && !parameter.equals(condition[0])) {
                throw new IllegalStateException("@Requires of one method must name one query parameter: " + each);
            }
            parameter = condition[0];
            if (actions.put(condition[1], each.value()) != null) {
                throw new IllegalStateException("@Requires names " + each.when() + " twice");
            }
        }
        return new ActionByQuery(parameter, Collections.unmodifiableMap(actions));
    }

    /** The action the request's parameter names, if it names exactly one value this method serves. */
    Optional<Action> of(Map<String, List<String>> query) {
        List<String> values = query.get(parameter);
        return values == null || values.size() != 1
                ? Optional.empty()
                : Optional.ofNullable(actions.get(values.get(0)));
    }

    String values() {
        return String.join(", ", actions.keySet().stream().sorted().toList());
    }
}
