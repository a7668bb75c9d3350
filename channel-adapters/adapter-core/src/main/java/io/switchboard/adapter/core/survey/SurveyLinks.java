package io.switchboard.adapter.core.survey;

import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.contracts.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.switchboard.contracts.SurveyQuestion.HIGHEST;
import static io.switchboard.contracts.SurveyQuestion.LOWEST;

/**
 * The signed links of a survey mail. A link's token is {@code <surveyId>.<channel>.<HMAC-SHA256 of both with the
 * link secret, base64url>}: only an adapter holding the secret could have written it, so nobody answers a survey
 * that was not put to them by guessing or changing an id. The channel is signed along, so an answer counts on the
 * channel that asked whichever adapter serves the page (one host may route every {@code /survey} to one adapter).
 * The score and the page's language ride unsigned in the query: the customer picks the score anyway.
 * <p>
 * Without a secret (or a public URL) the adapter still starts; a survey then fails naming the variable, and every
 * link is refused, since there is nothing to check it with.
 */
@ApplicationScoped
public class SurveyLinks {

    static final String PATH = "/survey/";
    private static final String ALGORITHM = "HmacSHA256";
    // Survey ids are the work-service's UUIDs; anything else could not sit in a URL path unescaped.
    private static final Pattern SURVEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final Optional<SecretKeySpec> key;
    private final Optional<String> publicUrl;

    public SurveyLinks(@ConfigProperty(name = "switchboard.survey.link-secret") Optional<String> secret,
            @ConfigProperty(name = "switchboard.public-url") Optional<String> publicUrl) {
        this.key = secret.filter(value -> !value.isBlank())
                .map(value -> new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        this.publicUrl = publicUrl.filter(url -> !url.isBlank())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /**
     * The link of each score, 0 to 10.
     *
     * @throws ProviderException (not retryable) when the secret or the public URL is not configured
     */
    public List<String> scoreLinks(String surveyId, Channel channel, String language) {
        String base = publicUrl.orElseThrow(() -> ProviderException.undeliverable(
                "SWITCHBOARD_PUBLIC_URL is not set: a survey link needs the adapter's public address"));
        String page = base + PATH + token(surveyId, channel) + "?lang=" + SurveyTexts.of(language).language()
                + "&score=";
        return IntStream.rangeClosed(LOWEST, HIGHEST).mapToObj(score -> page + score).toList();
    }

    /** The survey of a token signed with this secret; empty for a forged, altered or malformed one. */
    public Optional<LinkedSurvey> survey(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || key.isEmpty() || !SURVEY_ID.matcher(parts[0]).matches()) {
            return Optional.empty();
        }
        byte[] expected = mac(key.get(), parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Arrays.stream(Channel.values()).filter(channel -> channel.name().equals(parts[1])).findFirst()
                .map(channel -> new LinkedSurvey(parts[0], channel));
    }

    String token(String surveyId, Channel channel) {
        if (surveyId == null || !SURVEY_ID.matcher(surveyId).matches()) {
            throw ProviderException.undeliverable("survey id '" + surveyId + "' cannot be put in a link");
        }
        SecretKeySpec secret = key.orElseThrow(() -> ProviderException.undeliverable(
                "SWITCHBOARD_SURVEY_LINK_SECRET is not set: survey links cannot be signed"));
        String signed = surveyId + "." + channel.name();
        return signed + "." + mac(secret, signed);
    }

    /** What a valid token names: the survey and the channel that asked it. */
    public record LinkedSurvey(String surveyId, Channel channel) {
    }

    private static String mac(SecretKeySpec secret, String content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
