package io.switchboard.adapter.core.survey;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.switchboard.contracts.SurveyQuestion.HIGHEST;
import static io.switchboard.contracts.SurveyQuestion.LOWEST;

/**
 * The small page behind a survey link: the score chosen (changeable: the eleven scores are a labelled radio group)
 * and an optional comment, posted back to the same address; and the pages that answer it. Plain HTML with a few
 * inline styles, readable without CSS or script, keyboard-operable, and in the customer's language.
 */
final class SurveyPage {

    /** The longest comment kept; the text box says so too. */
    static final int COMMENT_LIMIT = 2000;

    private SurveyPage() {
    }

    /**
     * @param score the score in the link, or null when it had none that reads
     * @param alert what was wrong with the form posted, or null
     */
    static String form(SurveyTexts texts, Integer score, String alert) {
        String scores = IntStream.rangeClosed(LOWEST, HIGHEST).mapToObj(value -> "<label class=\"score\">"
                        + "<input type=\"radio\" name=\"score\" value=\"" + value + "\""
                        + (score != null && score == value ? " checked" : "") + "><span>" + value + "</span></label>")
                .collect(Collectors.joining());
        return page(texts, texts.title(), "<h1>" + escape(texts.title()) + "</h1>"
                + (alert == null ? "" : "<p role=\"alert\">" + escape(alert) + "</p>") + "<form method=\"post\">"
                + "<fieldset aria-describedby=\"scale\"><legend>" + escape(texts.yourScore()) + "</legend>"
                + "<div class=\"scores\">" + scores + "</div><p id=\"scale\">" + escape(texts.scale()) + "</p>"
                + "</fieldset>"
                + "<label for=\"comment\">" + escape(texts.commentLabel()) + "</label>"
                + "<textarea id=\"comment\" name=\"comment\" rows=\"5\" maxlength=\"" + COMMENT_LIMIT + "\"></textarea>"
                + "<button type=\"submit\">" + escape(texts.send()) + "</button></form>");
    }

    /** A page that only says something: thanks, an invalid link, a failure. */
    static String message(SurveyTexts texts, String heading, String detail) {
        return page(texts, heading, "<h1>" + escape(heading) + "</h1><p>" + escape(detail) + "</p>");
    }

    private static String page(SurveyTexts texts, String title, String main) {
        return "<!DOCTYPE html><html lang=\"" + texts.language() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title><style>"
                + "body{font-family:system-ui,sans-serif;color:#1b1b1b;background:#fff;margin:0;line-height:1.5}"
                + "main{max-width:40rem;margin:2rem auto;padding:0 1rem}"
                + "fieldset{border:0;padding:0;margin:0 0 1rem}legend{font-weight:bold;margin-bottom:.5rem}"
                + ".scores{display:flex;flex-wrap:wrap;gap:.25rem}"
                + ".score{display:inline-flex;align-items:center;gap:.2rem;padding:.5rem;border:1px solid #1a4f8b;"
                + "border-radius:4px;min-width:2.5rem}"
                + "label[for=comment]{display:block;font-weight:bold;margin:.5rem 0}"
                + "textarea{width:100%;box-sizing:border-box;font:inherit}"
                + "button{margin-top:1rem;padding:.6rem 1.5rem;font:inherit;color:#fff;background:#1a4f8b;border:0;"
                + "border-radius:4px}"
                + ":focus-visible{outline:3px solid #e07a00;outline-offset:2px}"
                + "</style></head><body><main>" + main + "</main></body></html>";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
