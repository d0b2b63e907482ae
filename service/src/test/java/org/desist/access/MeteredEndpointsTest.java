package org.desist.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.desist.quota.Metered;
import org.junit.jupiter.api.Test;

/**
 * Every way to read case data, a PDF or an export counts against a quota (quota/Metered, quota/QuotaFeature): each
 * API endpoint and each page is checked, so a new one cannot be forgotten.
 */
class MeteredEndpointsTest {
    @Test
    void every_read_of_case_data_every_pdf_and_every_export_is_metered() {
        List<String> unmetered = new ArrayList<>();
        ApiEndpoints.all().values().forEach(endpoint -> endpoint.action().ifPresent(action -> {
            if (counts(endpoint.method(), action)) {
                unmetered.add(endpoint.name() + " (" + action + ")");
            }
        }));
        for (Class<?> page : ApiEndpoints.screenClasses()) {
            for (Method method : ApiEndpoints.resourceMethods(page)) {
                Requires requires = method.getAnnotation(Requires.class);
                String name = page.getSimpleName() + "." + method.getName();
                if (requires != null && counts(method, requires.value())) {
                    unmetered.add(name + " (" + requires.value() + ")");
                }
            }
        }
        assertThat(unmetered)
                .as("reads of case data, PDFs and exports that no quota counts")
                .isEmpty();
    }

    @Test
    void pdfs_and_exports_are_their_own_quotas() {
        assertThat(Metered.of(Action.SUMMARY_CPS, true, true)).contains(Metered.PDFS);
        assertThat(Metered.of(Action.COHORT_REPORT, true, true)).contains(Metered.PDFS);
        assertThat(Metered.of(Action.PROGRAMME_EXPORT, true, false)).contains(Metered.EXPORTS);
        assertThat(Metered.of(Action.SUBJECT_ACCESS, true, false)).contains(Metered.EXPORTS);
        assertThat(Metered.of(Action.PARTICIPANT_READ, false, false)).contains(Metered.READS);
        assertThat(Metered.of(Action.SESSION_RECORD, true, false)).contains(Metered.READS);
        assertThat(Metered.of(Action.SESSION_RECORD, false, false)).isEmpty();
        assertThat(Metered.of(Action.COHORT_REPORT, true, false)).isEmpty();
    }

    /** True when the method should count and does not: a case-data GET, a *_READ action, or a PDF or CSV. */
    private static boolean counts(Method method, Action action) {
        boolean reads = action.isCaseData() && method.isAnnotationPresent(GET.class)
                || action.name().endsWith("_READ") && action.isCaseData();
        boolean document = produces(method).stream()
                        .anyMatch(type -> type.startsWith("application/pdf") || type.startsWith("text/csv"))
                && action.isCaseData();
        boolean pdf = produces(method).stream().anyMatch(type -> type.startsWith("application/pdf"));
        if (pdf) {
            return false; // QuotaFeature counts every method that can answer a PDF
        }
        return (reads || document)
                && Metered.of(action, method.isAnnotationPresent(GET.class), false)
                        .isEmpty();
    }

    private static List<String> produces(Method method) {
        Produces produces = Optional.ofNullable(method.getAnnotation(Produces.class))
                .orElse(method.getDeclaringClass().getAnnotation(Produces.class));
        return produces == null ? List.of() : Arrays.asList(produces.value());
    }
}
