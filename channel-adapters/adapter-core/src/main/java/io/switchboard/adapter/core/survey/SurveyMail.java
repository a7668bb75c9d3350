package io.switchboard.adapter.core.survey;

import io.switchboard.adapter.core.customer.CustomerKeys;
import io.switchboard.adapter.core.outbound.ProviderException;
import io.switchboard.contracts.OutboundMessage;
import io.switchboard.contracts.SurveyQuestion;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.switchboard.adapter.core.survey.SurveyPage.escape;

/**
 * The mail that puts a {@code SURVEY} to a customer of the webshop or the store: the work-service's question and
 * eleven signed links, one per score, as plain text and as HTML (a row of buttons 0–10). The adapter that sends it
 * supplies the SMTP part.
 *
 * @param messageId {@code <replyId@switchboard>}: the same for every attempt at the same survey, and the provider
 *                  message id in its statuses
 */
public record SurveyMail(String to, String subject, String text, String html, String messageId) {

    /**
     * The customer's address: the one on the contact being followed up ({@code replyTo.metadata.email}, which the
     * webshop and store adapters publish), else the customer's.
     */
    public static Optional<String> recipient(OutboundMessage message) {
        Map<String, String> metadata = message.replyTo() == null ? Map.of() : message.replyTo().metadata();
        return CustomerKeys.email(metadata.get("email")).or(() -> Optional.ofNullable(message.customer())
                .flatMap(customer -> CustomerKeys.email(customer.email())));
    }

    /** @throws ProviderException (not retryable) when the message has no question or links cannot be made */
    public static SurveyMail of(OutboundMessage message, String to, SurveyLinks links) {
        SurveyQuestion survey = Optional.ofNullable(message.survey()).filter(question -> question.question() != null)
                .orElseThrow(() -> ProviderException.undeliverable("a SURVEY without its question"));
        SurveyTexts texts = SurveyTexts.of(survey.language());
        List<String> scoreLinks = links.scoreLinks(survey.surveyId(), message.channel(), texts.language());
        return new SurveyMail(to, texts.subject(), text(survey, texts, scoreLinks), html(survey, texts, scoreLinks),
                "<" + message.replyId() + "@switchboard>");
    }

    private static String text(SurveyQuestion survey, SurveyTexts texts, List<String> links) {
        return survey.question() + "\n\n" + texts.pickAScore() + "\n\n"
                + IntStream.range(0, links.size()).mapToObj(score -> score + ": " + links.get(score))
                        .collect(Collectors.joining("\n"))
                + "\n\n" + texts.scale() + "\n";
    }

    private static String html(SurveyQuestion survey, SurveyTexts texts, List<String> links) {
        String buttons = IntStream.range(0, links.size()).mapToObj(score -> "<td style=\"padding:2px\"><a href=\""
                        + escape(links.get(score)) + "\" style=\"display:inline-block;min-width:2em;padding:10px 4px;"
                        + "border:1px solid #1a4f8b;border-radius:4px;color:#1a4f8b;text-align:center;"
                        + "text-decoration:none;font-weight:bold\">" + score + "</a></td>")
                .collect(Collectors.joining());
        return "<!DOCTYPE html><html lang=\"" + texts.language() + "\"><head><meta charset=\"utf-8\"><title>"
                + escape(texts.subject()) + "</title></head><body style=\"font-family:sans-serif;color:#1b1b1b\">"
                + "<p style=\"font-size:1.1em\">" + escape(survey.question()) + "</p><p>" + escape(texts.pickAScore())
                + "</p><table role=\"presentation\"><tr>" + buttons + "</tr></table><p>" + escape(texts.scale())
                + "</p></body></html>";
    }
}
