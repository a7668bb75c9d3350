package io.switchboard.adapter.core.survey;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.switchboard.adapter.core.survey.SurveyLinks.LinkedSurvey;
import io.switchboard.contracts.SurveyResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static io.switchboard.contracts.SurveyQuestion.HIGHEST;
import static io.switchboard.contracts.SurveyQuestion.LOWEST;

/**
 * The page behind a survey mail's links. Opening a link records nothing (mail scanners open links too): it shows the
 * score chosen and a comment box; posting the form publishes the answer as a {@link SurveyResponse} (provider
 * {@code link}, the channel signed in the token). A token not signed with the link secret gets a 401 page and
 * nothing is published. Enabled by the build property {@code switchboard.survey.links.enabled=true} in the adapters
 * that mail surveys.
 */
@Path("/survey/{token}")
@IfBuildProperty(name = "switchboard.survey.links.enabled", stringValue = "true")
public class SurveyResource {

    static final String PROVIDER = "link";
    private static final Logger LOG = Logger.getLogger(SurveyResource.class);
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset(StandardCharsets.UTF_8.name());

    private final SurveyLinks links;
    private final SurveyResponses responses;

    public SurveyResource(SurveyLinks links, SurveyResponses responses) {
        this.links = links;
        this.responses = responses;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The survey page of a signed link: the score chosen and an optional comment (records nothing)")
    public Response show(@RestPath String token, @RestQuery String score, @RestQuery String lang, HttpHeaders headers) {
        SurveyTexts texts = SurveyTexts.of(lang, headers.getAcceptableLanguages());
        if (links.survey(token).isEmpty()) {
            return invalidLink(texts);
        }
        return page(Response.Status.OK, SurveyPage.form(texts, score(score).orElse(null), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Records the answer of a signed survey link as a SurveyResponse on contacts.feedback")
    public Uni<Response> answer(@RestPath String token, @RestQuery String lang, @RestForm String score,
            @RestForm String comment, HttpHeaders headers) {
        SurveyTexts texts = SurveyTexts.of(lang, headers.getAcceptableLanguages());
        Optional<LinkedSurvey> survey = links.survey(token);
        if (survey.isEmpty()) {
            return Uni.createFrom().item(invalidLink(texts));
        }
        Integer chosen = score(score).orElse(null);
        String said = comment == null || comment.isBlank() ? null : cut(comment.strip());
        if (chosen == null && said == null) {
            return Uni.createFrom().item(page(Response.Status.BAD_REQUEST,
                    SurveyPage.form(texts, null, texts.noAnswer())));
        }
        return responses.publish(response(survey.get(), chosen, said))
                .replaceWith(() -> page(Response.Status.OK,
                        SurveyPage.message(texts, texts.thanks(), texts.thanksDetail())))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Survey answer not published: %s", failure.getMessage());
                    return page(Response.Status.SERVICE_UNAVAILABLE,
                            SurveyPage.message(texts, texts.title(), texts.unavailable()));
                });
    }

    /**
     * The same answer posted twice (a double click, a reload) is the same event; a changed answer is a new one, and
     * the later replaces the earlier.
     */
    private static SurveyResponse response(LinkedSurvey survey, Integer score, String comment) {
        String eventId = UUID.nameUUIDFromBytes((PROVIDER + ':' + survey.surveyId() + ':' + score + ':' + comment)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new SurveyResponse(SurveyResponse.SCHEMA_VERSION, eventId, survey.surveyId(), survey.channel(), score,
                comment, PROVIDER, null, Instant.now());
    }

    private static Optional<Integer> score(String value) {
        if (value == null || !value.strip().matches("\\d{1,2}")) {
            return Optional.empty();
        }
        int score = Integer.parseInt(value.strip());
        return score >= LOWEST && score <= HIGHEST ? Optional.of(score) : Optional.empty();
    }

    private static String cut(String comment) {
        return comment.length() <= SurveyPage.COMMENT_LIMIT ? comment : comment.substring(0, SurveyPage.COMMENT_LIMIT);
    }

    private static Response invalidLink(SurveyTexts texts) {
        return page(Response.Status.UNAUTHORIZED,
                SurveyPage.message(texts, texts.invalidLink(), texts.invalidLinkDetail()));
    }

    /**
     * The token is in the address: no referrer takes it elsewhere, no cache keeps the page, no other site frames it.
     */
    private static Response page(Response.Status status, String html) {
        return Response.status(status).type(HTML).entity(html)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
                .build();
    }
}
