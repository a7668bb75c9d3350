package io.switchboard.bench;

import java.util.List;

/** A Markdown table, row by row. */
final class MarkdownTable {

    private final StringBuilder text = new StringBuilder();

    MarkdownTable(String... headers) {
        line(List.of(headers));
        line(List.of(headers).stream().map(header -> "---").toList());
    }

    MarkdownTable row(Object... cells) {
        line(List.of(cells).stream().map(String::valueOf).toList());
        return this;
    }

    private void line(List<String> cells) {
        text.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
