package io.switchboard.routing.rest;

import io.switchboard.routing.classification.ActiveModel;
import io.switchboard.routing.classification.RetrainOutcome;
import io.switchboard.routing.messaging.CorrectionsUnavailableException;
import io.switchboard.routing.service.ModelStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/routing/model")
@Tag(name = "Routing")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelStore models;

    public ModelResource(ModelStore models) {
        this.models = models;
    }

    @GET
    @RolesAllowed({ "ops", "supervisor" })
    @Operation(summary = "The model this engine classifies with, how it did when promoted, and the latest refused "
            + "candidate with why")
    public ModelState active() {
        ActiveModel active = models.current();
        return new ModelState(active.model().version(), active.model().trainedOn(), active.corrections().size(),
                active.promotion().orElse(null), models.directory().lastRefusal().orElse(null));
    }

    @POST
    @Path("/retrain")
    // Supervisors decide what the agents' corrections teach; ops may look, not retrain.
    @RolesAllowed("supervisor")
    @Operation(summary = "Train a candidate on the bundled data and the agents' corrections (contacts.corrections), "
            + "compare it with the active model in the same cross-validation, and promote it if it is not worse; "
            + "answers either way, with how many corrections per source it learnt from")
    public RetrainOutcome retrain() {
        try {
            return models.retrain();
        } catch (CorrectionsUnavailableException e) {
            // Without the corrections a candidate would unlearn them: no retrain until the topic can be read.
            throw new WebApplicationException(e.getMessage(), e, Response.Status.SERVICE_UNAVAILABLE);
        }
    }

    /**
     * @param promotion the retrain that promoted the active version (its figures, when); null for the bundled model
     * @param refused   the latest candidate that was not promoted, and why; null when none was refused
     */
    public record ModelState(String version, int trainedOn, int corrections, RetrainOutcome promotion,
            RetrainOutcome refused) {
    }
}
