package com.authlete.toolkit.transport.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Proxies as curl and most tools take them from the environment: {@code HTTPS_PROXY} for https URLs,
 * {@code HTTP_PROXY} for http URLs (lower-case names too; the lower-case one wins when both are set), and
 * {@code NO_PROXY}, a comma-separated list of hosts, domain suffixes ({@code .example.com} or
 * {@code example.com}), IP addresses, or {@code *}, that go direct. Loopback never goes through a proxy, as with Go's
 * and Python's clients: {@code localhost}, names under {@code .localhost}, 127.0.0.0/8 and {@code ::1}. A proxy would
 * otherwise see a token sent over plain http to a server on this machine.
 */
public final class EnvironmentProxySelector extends ProxySelector {

    private final URI httpsProxy;
    private final URI httpProxy;
    private final List<String> noProxy;

    private EnvironmentProxySelector(URI httpsProxy, URI httpProxy, List<String> noProxy) {
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = noProxy;
    }

    /** @throws IllegalArgumentException when a proxy variable is not a URL with a host */
    public static EnvironmentProxySelector fromEnvironment(Map<String, String> environment) {
        List<String> noProxy = new ArrayList<>();
        for (String entry : variable(environment, "no_proxy").split(",")) {
            String host = entry.strip().toLowerCase(Locale.ROOT);
            if (!host.isEmpty()) {
                noProxy.add(host);
            }
        }
        return new EnvironmentProxySelector(
                proxy(environment, "https_proxy"), proxy(environment, "http_proxy"), noProxy);
    }

    public boolean isEmpty() {
        return httpsProxy == null && httpProxy == null;
    }

    private static String variable(Map<String, String> environment, String lowerName) {
        String value = environment.get(lowerName);
        if (value == null || value.isBlank()) {
            value = environment.get(lowerName.toUpperCase(Locale.ROOT));
        }
        return value == null ? "" : value.strip();
    }

    private static URI proxy(Map<String, String> environment, String lowerName) {
        String value = variable(environment, lowerName);
        if (value.isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(value.contains("://") ? value : "http://" + value);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null) {
            throw new IllegalArgumentException(lowerName.toUpperCase(Locale.ROOT) + " is not a proxy URL: " + value);
        }
        return uri;
    }

    @Override
    public List<Proxy> select(URI uri) {
        URI proxy = "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
        if (proxy == null || bypass(uri.getHost())) {
            return List.of(Proxy.NO_PROXY);
        }
        int port = proxy.getPort() > 0 ? proxy.getPort() : "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port)));
    }

    boolean bypass(String host) {
        if (host == null) {
            return true;
        }
        String name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|\\]$", "");
        if (isLoopback(name)) {
            return true;
        }
        for (String entry : noProxy) {
            String suffix = entry.startsWith(".") ? entry.substring(1) : entry;
            if (entry.equals("*") || name.equals(suffix) || name.endsWith("." + suffix)) {
                return true;
            }
        }
        return false;
    }

    /** Loopback by name or by literal address; a name is never resolved (a lookup could be answered by anyone). */
    static boolean isLoopback(String name) {
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (!IP_LITERAL.matcher(name).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** An IPv4 literal, or an IPv6 one (hex digits and colons, perhaps with a dotted IPv4 tail). */
    private static final Pattern IP_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*");

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // Nothing to fall back to: the failure reaches the caller as a network error.
    }
}
