package io.switchboard.work.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 text: CRLF after every record, a field quoted when it holds a comma, quote or line break. */
final class Csv {

    private final StringBuilder text = new StringBuilder();

    Csv record(List<?> fields) {
        text.append(fields.stream().map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Double number ? BigDecimal.valueOf(number).toPlainString()
                : value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        return text.matches("(?s).*[\",\r\n].*") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
