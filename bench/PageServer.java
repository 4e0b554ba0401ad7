import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark peer: serves {@code total} synthetic clients as Authlete list pages on loopback, and writes the same
 * pages (for the page size given) to a folder so that jq can read identical data from disk.
 *
 * <pre>java bench/PageServer.java PORT TOTAL PAGE_SIZE DUMP_DIR</pre>
 */
public final class PageServer {

    private static final Pattern RANGE = Pattern.compile("start=(\\d+)&end=(\\d+)");

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int total = Integer.parseInt(args[1]);
        int pageSize = Integer.parseInt(args[2]);
        Path dump = Path.of(args[3]);
        Files.createDirectories(dump);
        for (int start = 0, n = 0; start < total; start += pageSize, n++) {
            Files.write(dump.resolve(String.format("page-%06d.json", n)), page(start, Math.min(start + pageSize, total), total));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            Matcher m = RANGE.matcher(String.valueOf(exchange.getRequestURI().getRawQuery()));
            // Pages come from the files written above, so the server costs little CPU during the benchmark.
            byte[] body = m.find() && Integer.parseInt(m.group(1)) % pageSize == 0 && Integer.parseInt(m.group(1)) < total
                    ? Files.readAllBytes(dump.resolve(String.format("page-%06d.json", Integer.parseInt(m.group(1)) / pageSize)))
                    : "{\"start\":0,\"end\":0,\"totalCount\":0,\"clients\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("ready");
    }

    /** One page with eleven fields per client, shaped like Authlete's client list. */
    static byte[] page(int start, int end, int total) {
        StringBuilder json = new StringBuilder(256 * Math.max(1, end - start));
        json.append("{\"start\":").append(start).append(",\"end\":").append(end).append(",\"totalCount\":").append(total)
                .append(",\"clients\":[");
        for (int i = start; i < end; i++) {
            json.append(i > start ? "," : "")
                    .append("{\"clientId\":").append(1_000_000_000L + i)
                    .append(",\"clientName\":\"client number ").append(i).append('"')
                    .append(",\"clientType\":\"").append(i % 2 == 0 ? "CONFIDENTIAL" : "PUBLIC").append('"')
                    .append(",\"developer\":\"dev").append(i % 97).append('"')
                    .append(",\"createdAt\":").append(1_700_000_000_000L + i)
                    .append(",\"modifiedAt\":").append(1_700_000_000_000L + 2L * i)
                    .append(",\"redirectUris\":[\"https://app").append(i).append(".example.com/cb\"]")
                    .append(",\"grantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"]")
                    .append(",\"defaultMaxAge\":").append(i % 3600)
                    .append(",\"dynamicallyRegistered\":").append(i % 5 == 0)
                    .append(",\"ratio\":1.10}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
