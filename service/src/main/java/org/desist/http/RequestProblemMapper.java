package org.desist.http;

import io.dropwizard.jersey.validation.JerseyViolationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.glassfish.jersey.server.model.Invocable;

/**
 * Bean-validation failures as problem+json: 422 when the body is at fault, 400 when a parameter is.
 * Each violation is named by its JSON path ({@code participant.nhsNumber}) or parameter name.
 */
public class RequestProblemMapper implements ExceptionMapper<JerseyViolationException> {

    @Override
    public Response toResponse(JerseyViolationException exception) {
        List<FieldError> errors = new ArrayList<>();
        boolean parameterAtFault = false;
        for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
            Located located = locate(violation.getPropertyPath(), exception.getInvocable());
            parameterAtFault |= located.parameter();
            errors.add(new FieldError(located.field(), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::reason));
        int status = parameterAtFault ? 400 : 422;
        String detail = errors.size() == 1
                ? errors.get(0).field() + " " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
        return Problems.response(status, detail, errors);
    }

    /** A violation's field as the API names it in a body (dotted, with [index]): for the screens' forms too. */
    public static String bodyField(Path path) {
        return locate(path, null).field();
    }

    private record Located(String field, boolean parameter) {}

    private static Located locate(Path path, Invocable invocable) {
        StringBuilder field = new StringBuilder();
        boolean parameter = false;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                String name = parameterName(invocable, index);
                if (name != null) {
                    parameter = true;
                    if (!name.isEmpty()) {
                        field.append(name);
                    }
                }
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null && field.length() > 0) {
                field.append('.').append(node.getKey());
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return new Located(field.length() == 0 ? "body" : field.toString(), parameter);
    }

    /** The parameter's HTTP name, "" for a bean of parameters, or null when it is the request body. */
    private static String parameterName(Invocable invocable, int index) {
        if (invocable == null) {
            return null;
        }
        Annotation[][] annotations = invocable.getDefinitionMethod().getParameterAnnotations();
        if (index >= annotations.length) {
            return null;
        }
        for (Annotation annotation : annotations[index]) {
            if (annotation instanceof QueryParam q) {
                return q.value();
            } else if (annotation instanceof PathParam p) {
                return p.value();
            } else if (annotation instanceof HeaderParam h) {
                return h.value();
            } else if (annotation instanceof FormParam f) {
                return f.value();
            } else if (annotation instanceof CookieParam c) {
                return c.value();
            } else if (annotation instanceof BeanParam) {
                return "";
            }
        }
        return null;
    }
}
