package io.switchboard.work.rest;

import io.switchboard.contracts.Intent;
import io.switchboard.contracts.Office;
import io.switchboard.work.service.WorkSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.List;

/** Texts an agent starts a reply from, kept in configuration per office and intent. */
@Path("/api/canned-responses")
@Tag(name = "work")
public class CannedResponseResource {

    private final WorkSettings settings;

    public CannedResponseResource(WorkSettings settings) {
        this.settings = settings;
    }

    /** The office-and-intent texts first, then the office's own. */
    @GET
    @RolesAllowed({ "agent", "supervisor" })
    @Operation(summary = "Canned responses for an office and (optionally) an intent")
    public CannedResponses canned(@QueryParam("office") @NotNull Office office, @QueryParam("intent") Intent intent) {
        List<String> texts = new ArrayList<>();
        if (intent != null) {
            texts.addAll(settings.canned().getOrDefault(office + "." + intent, List.of()));
        }
        texts.addAll(settings.canned().getOrDefault(office.name(), List.of()));
        return new CannedResponses(office, intent, texts);
    }

    public record CannedResponses(Office office, Intent intent, List<String> texts) {
    }
}
