package org.entente.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Escaping for the page. Everything the page shows goes through {@link #text}, which is safe both in an
 * element's content and in a double-quoted attribute; data embedded for the script goes through
 * {@link #json}, so that nothing in a stored value can end the {@code <script>} element that holds it.
 */
final class Html {

    private Html() {
    }

    /**
     * Text escaped for HTML content and double-quoted attribute values: {@code & < > " '} as character
     * references. Control characters were made visible before ({@link ReportText#visible}); any left (in
     * text the program composed) are made visible here too.
     */
    static String text(String s) {
        String visible = ReportText.visible(s, true);
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * JSON text made safe inside {@code <script type="application/json">}: {@code <}, {@code >} and
     * {@code &}, U+2028 and U+2029 written as {@code \}{@code uXXXX}. In JSON these characters can only
     * stand inside strings, where the escape means the same character, so {@code JSON.parse} gets the
     * same values back, while no {@code </script>} or {@code <!--} can appear in the element.
     */
    static String json(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The address as a link target, when it is an absolute http or https URL with a host; empty for
     * anything else ({@code javascript:}, {@code data:}, {@code //host/path}, a file name, text with
     * spaces), which the page shows as text.
     */
    static Optional<String> link(String address) {
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme();
            if (scheme == null || uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
                return Optional.empty();
            }
            String lower = scheme.toLowerCase(Locale.ROOT);
            return lower.equals("http") || lower.equals("https") ? Optional.of(address) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The {@code 'sha256-...'} source of a Content-Security-Policy for an inline element with this text. */
    static String sha256Source(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime, which every Java SE must have", e);
        }
    }
}
