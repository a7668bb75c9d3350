package io.switchboard.work.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.switchboard.contracts.ProblemDetail;
import io.switchboard.work.service.WorkRequestRejected;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/** Every refusal of the agents' API as problem details. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response rejected(WorkRequestRejected e, UriInfo uri) {
        return problem(e.status(), e.title(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        String detail = e.getConstraintViolations().stream()
                .map(violation -> field(violation) + " " + violation.getMessage()).sorted()
                .collect(Collectors.joining("; "));
        return problem(400, "Invalid request", detail, uri);
    }

    /** More specific than Quarkus' own mapper for unreadable bodies, which answers plain JSON. */
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class })
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return problem(400, "Invalid request",
                "body is not valid: " + e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problem(401, "Unauthenticated",
                "a valid bearer token of the Switchboard issuer is required", uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", "your groups do not allow this request", uri);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return problem(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri);
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static Response problem(int status, String title, String detail, UriInfo uri) {
        return Response.status(status).type(ProblemDetail.MEDIA_TYPE)
                .entity(ProblemDetail.titled(title, status, detail, uri.getPath())).build();
    }
}
