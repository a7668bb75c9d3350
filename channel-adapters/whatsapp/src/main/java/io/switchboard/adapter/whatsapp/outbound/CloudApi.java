package io.switchboard.adapter.whatsapp.outbound;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.switchboard.adapter.core.outbound.ProviderException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The WhatsApp Cloud API's messages endpoint ({@code quarkus.rest-client.whatsapp-cloud-api.url}, by default
 * {@code https://graph.facebook.com}). Called on the outbound loop's worker thread, so blocking.
 */
@RegisterRestClient(configKey = "whatsapp-cloud-api")
@Path("/{version}/{phoneNumberId}/messages")
public interface CloudApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CloudApiMessages.Sent send(@PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId,
            @HeaderParam("Authorization") String authorization, CloudApiMessages.Send message);

    /** Every answer of 400 and above: the Graph API's error object, as the provider sent it. */
    @ClientExceptionMapper
    static ProviderException refused(Response response) {
        return GraphError.of(response.getStatus(), response.readEntity(String.class)).toException();
    }
}
