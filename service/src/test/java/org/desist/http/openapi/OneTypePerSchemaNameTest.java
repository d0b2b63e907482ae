package org.desist.http.openapi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import org.junit.jupiter.api.Test;

class OneTypePerSchemaNameTest {
    static final class Summary {
        record Twin(String concern) {}
    }

    static final class Progress {
        record Twin(String sessionId) {}
    }

    @Test
    void two_types_of_one_simple_name_are_refused_naming_both() {
        DescribingReader.register(new OneTypePerSchemaName());
        ModelConverters.getInstance().readAll(new AnnotatedType(Summary.Twin.class));

        assertThatThrownBy(() -> ModelConverters.getInstance().readAll(new AnnotatedType(Progress.Twin.class)))
                .hasMessageContaining("Twin")
                .hasMessageContaining("Summary$Twin")
                .hasMessageContaining("Progress$Twin");
    }
}
