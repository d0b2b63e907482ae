package org.desist.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * Names bean-validation failures by the JSON field a client sent, not the Java name behind it:
 * {@code riskRatings.psychosocial_damage}, not {@code riskRatings.psychosocialDamage}.
 */
public class JsonPropertyNames implements PropertyNodeNameProvider {

    @Override
    public String getName(Property property) {
        if (property instanceof JavaBeanProperty bean) {
            try {
                JsonProperty renamed = bean.getDeclaringClass()
                        .getDeclaredField(property.getName())
                        .getAnnotation(JsonProperty.class);
                if (renamed != null && !renamed.value().isEmpty()) {
                    return renamed.value();
                }
            } catch (NoSuchFieldException e) {
                // a getter without a field of its name keeps its Java name
            }
        }
        return property.getName();
    }
}
