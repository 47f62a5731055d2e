package io.exchangejdbc.emulator.store;

import static java.util.Objects.requireNonNull;

/**
 * Body of a message in the format it was written in, with its other rendering and its preview
 * computed once: Graph serves HTML by default and text when the client prefers
 * {@code outlook.body-content-type="text"}. Generated mail shares instances, so a body costs
 * nothing per message.
 */
public final class ItemBody {

    /** Length of {@code bodyPreview} in Graph. */
    public static final int PREVIEW_LENGTH = 255;

    private final BodyType contentType;
    private final String html;
    private final String text;
    private final String preview;

    private ItemBody(BodyType contentType, String html, String text) {
        this.contentType = contentType;
        this.html = html;
        this.text = text;
        this.preview = preview(text);
    }

    /** Returns a body written as HTML. */
    public static ItemBody html(String html) {
        requireNonNull(html, "html");
        return new ItemBody(BodyType.HTML, html, htmlToText(html));
    }

    /** Returns a body written as plain text. */
    public static ItemBody text(String text) {
        requireNonNull(text, "text");
        return new ItemBody(BodyType.TEXT, textToHtml(text), text);
    }

    /** Returns the format the body was written in. */
    public BodyType contentType() {
        return contentType;
    }

    /** Returns the body as HTML. */
    public String html() {
        return html;
    }

    /** Returns the body as plain text. */
    public String text() {
        return text;
    }

    /** Returns the body in the given format. */
    public String content(BodyType type) {
        return type == BodyType.HTML ? html : text;
    }

    /** Returns the first {@value #PREVIEW_LENGTH} characters of the text, as Graph's preview. */
    public String preview() {
        return preview;
    }

    private static String preview(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= PREVIEW_LENGTH ? trimmed : trimmed.substring(0, PREVIEW_LENGTH);
    }

    /** Converts HTML to text the way a mail client shows it: tags dropped, entities decoded. */
    static String htmlToText(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int bodyStart = indexOfIgnoreCase(html, "<body");
        int i = bodyStart < 0 ? 0 : bodyStart;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    break;
                }
                String tag = html.substring(i + 1, end).toLowerCase(java.util.Locale.ROOT);
                if (tag.startsWith("br") || tag.startsWith("/p") || tag.startsWith("/div")
                        || tag.startsWith("/tr") || tag.startsWith("/li")) {
                    out.append("\r\n");
                }
                i = end + 1;
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                if (end > i && end - i <= 8) {
                    out.append(entity(html.substring(i + 1, end)));
                    i = end + 1;
                } else {
                    out.append(c);
                    i++;
                }
            } else if (c == '\r' || c == '\n') {
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().strip() + "\r\n";
    }

    private static String entity(String name) {
        switch (name) {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
            case "#39":
                return "'";
            case "nbsp":
                return " ";
            default:
                if (name.startsWith("#")) {
                    try {
                        return new String(Character.toChars(Integer.parseInt(name.substring(1))));
                    } catch (IllegalArgumentException e) {
                        return "&" + name + ";";
                    }
                }
                return "&" + name + ";";
        }
    }

    private static String textToHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 160);
        out.append("<html>\r\n<head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; ")
                .append("charset=utf-8\">\r\n</head>\r\n<body>\r\n<div>");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                case '\r':
                    break;
                case '\n':
                    out.append("<br>\r\n");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.append("</div>\r\n</body>\r\n</html>\r\n").toString();
    }

    private static int indexOfIgnoreCase(String s, String what) {
        for (int i = 0; i + what.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, what, 0, what.length())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return contentType.graphName() + ": " + preview;
    }
}
