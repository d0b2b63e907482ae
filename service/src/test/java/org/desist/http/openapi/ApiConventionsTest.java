package org.desist.http.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import fixture.openapi.Downloads;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import java.util.Set;
import org.desist.participant.ParticipantResource;
import org.junit.jupiter.api.Test;

/**
 * The success a Response-returning method is given by convention only where the convention knows it: a
 * list's record. A download below a record is not mistaken for the record; it says what it answers.
 */
class ApiConventionsTest {

    private static OpenAPI describe() {
        DescribingReader reader = new DescribingReader();
        reader.setConfiguration(new SwaggerConfiguration().openAPI(new OpenAPI()));
        return reader.read(Set.of(ParticipantResource.class, Downloads.class), Map.of());
    }

    @Test
    void a_record_of_a_list_is_inferred_and_a_download_below_it_is_not() {
        OpenAPI api = describe();
        // the amendment's answer (the read describes its own: the DPO's view of a participant adds two fields)
        ApiResponses participant =
                api.getPaths().get("/participants/{id}").getPatch().getResponses();
        assertThat(participant
                        .get("200")
                        .getContent()
                        .get("application/json")
                        .getSchema()
                        .get$ref())
                .isEqualTo("#/components/schemas/Participant");

        ApiResponses undescribed = api.getPaths()
                .get("/participants/{id}/reports/undescribed")
                .getGet()
                .getResponses();
        assertThat(undescribed.keySet())
                .as("no success guessed: ApiDescriptionTest names the method")
                .noneMatch(code -> code.startsWith("2"));
        assertThat(undescribed.keySet()).contains("401", "403", "404", "500");

        ApiResponses described = api.getPaths()
                .get("/participants/{id}/reports/described")
                .getGet()
                .getResponses();
        assertThat(described.get("200").getContent()).containsOnlyKeys("application/pdf");
        assertThat(described.get("200").getHeaders()).isNull();
    }
}
