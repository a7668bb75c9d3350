package io.switchboard.adapter.store.outbound;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.switchboard.adapter.core.outbound.ProviderException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Qminder's REST API (v1), the call of a waiting ticket to service: Qminder notifies the visitor (screen, SMS)
 * and shows them to the clerk. Base URL {@code quarkus.rest-client.qminder.url}, the location's API key in
 * {@code X-Qminder-REST-API-Key}.
 */
@RegisterRestClient(configKey = "qminder")
@Path("/v1/tickets")
public interface QminderTickets {

    /**
     * Calls the ticket; {@code user} and {@code desk} are Qminder's ids of the clerk and the desk, each optional
     * (an API key of a user calls as that user). Only waiting tickets (status {@code NEW}) can be called.
     */
    @POST
    @Path("/{ticketId}/call")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    CalledTicket call(@RestPath String ticketId, @RestHeader("X-Qminder-REST-API-Key") String apiKey,
            @RestForm String user, @RestForm String desk);

    /** The ticket Qminder answers with, now {@code CALLED}. */
    record CalledTicket(String id, String status) {
    }

    /** Qminder's error document: {@code {"statusCode": 409, "message": "..."}}. */
    record QminderError(String message) {
    }

    @ClientExceptionMapper
    static ProviderException refused(Response response) {
        return ProviderException.ofStatus(response.getStatus(), messageOf(response));
    }

    /** A gateway or proxy in front of Qminder may answer a 5xx with anything but Qminder's JSON. */
    private static String messageOf(Response response) {
        try {
            QminderError error = response.readEntity(QminderError.class);
            if (error != null && error.message() != null) {
                return error.message();
            }
        } catch (ProcessingException | IllegalStateException notJson) {
            // fall through to the status line
        }
        return response.getStatusInfo().getReasonPhrase();
    }
}
