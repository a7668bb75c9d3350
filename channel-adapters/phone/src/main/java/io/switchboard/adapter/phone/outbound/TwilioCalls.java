package io.switchboard.adapter.phone.outbound;

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
 * Twilio's Programmable Voice REST API, the part that modifies a call in progress: new TwiML for the call replaces
 * what it was doing (here: waiting in the {@code <Enqueue>}). Base URL {@code quarkus.rest-client.twilio.url}.
 */
@RegisterRestClient(configKey = "twilio")
@Path("/2010-04-01/Accounts/{accountSid}/Calls")
public interface TwilioCalls {

    /** Twilio's error for updating a call that is no longer in progress (the caller hung up). */
    int CALL_NOT_IN_PROGRESS = 21220;

    @POST
    @Path("/{callSid}.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    UpdatedCall update(@RestPath String accountSid, @RestPath String callSid,
            @RestHeader("Authorization") String authorization,
            @RestHeader("I-Twilio-Idempotency-Token") String idempotencyToken, @RestForm("Twiml") String twiml);

    /** The call resource Twilio answers with; {@code sid} is the updated call's CallSid. */
    record UpdatedCall(String sid, String status) {
    }

    /** Twilio's error document: {@code {"code": 21220, "message": "...", "more_info": "...", "status": 400}}. */
    record TwilioError(Integer code, String message) {
    }

    @ClientExceptionMapper
    static ProviderException refused(Response response) {
        TwilioError error = errorOf(response);
        if (error.code() != null && error.code() == CALL_NOT_IN_PROGRESS) {
            return ProviderException.ofStatus(response.getStatus(),
                    CALL_NOT_IN_PROGRESS + " call no longer in progress: " + error.message());
        }
        return ProviderException.ofStatus(response.getStatus(),
                (error.code() == null ? "" : error.code() + " ") + error.message());
    }

    /** A gateway or proxy in front of Twilio may answer a 5xx with anything but Twilio's JSON. */
    private static TwilioError errorOf(Response response) {
        try {
            TwilioError error = response.readEntity(TwilioError.class);
            if (error != null && error.message() != null) {
                return error;
            }
        } catch (ProcessingException | IllegalStateException notJson) {
            // fall through to the status line
        }
        return new TwilioError(null, response.getStatusInfo().getReasonPhrase());
    }
}
