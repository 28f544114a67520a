package org.entente.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** JDBC URLs as they may be shown: without a user's password, whether in the authority or in a parameter. */
final class JdbcUrls {

    private JdbcUrls() {
    }

    /**
     * The URL without {@code user:password@} (or {@code user@}) and without parameters whose name holds
     * "password" ({@code password}, {@code sslpassword}).
     */
    static String redact(String url) {
        if (url == null) {
            return "";
        }
        String base = url;
        String query = null;
        int q = url.indexOf('?');
        if (q >= 0) {
            base = url.substring(0, q);
            query = url.substring(q + 1);
        }
        int authority = base.indexOf("//");
        if (authority >= 0) {
            int end = base.indexOf('/', authority + 2);
            String host = end < 0 ? base.substring(authority + 2) : base.substring(authority + 2, end);
            int at = host.lastIndexOf('@');
            if (at >= 0) {
                base = base.substring(0, authority + 2) + host.substring(at + 1) + (end < 0 ? "" : base.substring(end));
            }
        }
        if (query == null) {
            return base;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : query.split("&")) {
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.contains("password") && !parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        return kept.isEmpty() ? base : base + "?" + String.join("&", kept);
    }
}
