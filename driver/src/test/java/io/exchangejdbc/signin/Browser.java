package io.exchangejdbc.signin;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user at a browser, for tests: opens an authorize URL, fills in the sign-in form of the
 * emulator's page and follows the redirect, as a person would.
 */
final class Browser {

    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** Signs in at the URL and returns where the service redirects (the callback with a code). */
    String signIn(String authorizeUrl, String user, String password) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(authorizeUrl))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IOException("sign-in page: HTTP " + page.statusCode() + " " + page.body());
        }
        Matcher a = ACTION.matcher(page.body());
        if (!a.find()) {
            throw new IOException("no sign-in form: " + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        Matcher h = HIDDEN.matcher(page.body());
        while (h.find()) {
            form.put(h.group(1), unescape(h.group(2)));
        }
        form.put("login", user);
        form.put("passwd", password);
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> e : form.entrySet()) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(
                        URI.create(authorizeUrl).resolve(unescape(a.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() != 302) {
            throw new IOException("sign-in refused: HTTP " + posted.statusCode());
        }
        return posted.headers().firstValue("Location").orElseThrow();
    }

    /** Follows a redirect to the loopback callback and returns the page's status. */
    int follow(String location) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A query parameter of a URL. */
    static String param(String url, String name) {
        String q = URI.create(url).getRawQuery();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }
}
