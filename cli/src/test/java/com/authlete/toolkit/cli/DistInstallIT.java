package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.cli.app.Main;
import com.authlete.toolkit.core.testing.Peers;
import com.authlete.toolkit.core.testing.StubServer;
import com.authlete.toolkit.core.testing.TlsTestServers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive (scripts/build-dist) installed by scripts/install.sh as a user would: into a fresh home, with a
 * PATH that has neither Maven nor a JDK. The installed CLI then runs a command against a stub API, and bash finds its
 * completion by itself. Uninstall leaves nothing behind; a tampered archive is refused.
 */
class DistInstallIT {

    /** What a machine without a build set-up lacks: these are left out of the PATH the install runs with. */
    private static final Set<String> BUILD_TOOLS = Set.of(
            "mvn",
            "mvnDebug",
            "mvnyjp",
            "java",
            "javac",
            "jar",
            "jshell",
            "jlink",
            "jpackage",
            "jdeps",
            "jcmd",
            "keytool",
            "jarsigner",
            "javadoc",
            "jfr");

    @TempDir
    Path temp;

    @Test
    void installsWithoutMavenOrAJdkRunsAndCompletesAndUninstalls() throws Exception {
        Path archive = Peers.distArchive();
        Path home = Files.createDirectories(temp.resolve("home"));
        Path prefix = home.resolve(".local");
        Map<String, String> environment = cleanEnvironment(home);

        Result noTools = run(environment, "bash", "-c", "command -v mvn || command -v java || echo neither");
        assertThat(noTools.out().strip()).isEqualTo("neither");

        Result install = run(environment, "bash", installScript().toString(), archive.toString());
        assertThat(install.exit()).as(install.toString()).isZero();
        assertThat(install.out())
                .contains("Installed authlete ")
                .contains(prefix.resolve("lib/authlete").toString());
        Path authlete = prefix.resolve("bin/authlete");
        // Installing again (an upgrade) swaps the release in place; links stay valid and nothing else is left over.
        Result again = run(environment, "bash", installScript().toString(), archive.toString());
        assertThat(again.exit()).as(again.toString()).isZero();
        try (Stream<Path> lib = Files.list(prefix.resolve("lib"))) {
            assertThat(lib.map(path -> path.getFileName().toString()).toList()).containsExactly("authlete");
        }

        Result version = run(environment, authlete.toString(), "--version");
        String released = archive.getFileName().toString().replaceAll("^authlete-(.+)-linux-x64\\.tar\\.gz$", "$1");
        assertThat(version.out()).startsWith("authlete " + released + " (Authlete API ");

        try (StubServer api = new StubServer()) {
            api.handler(request -> StubServer.Reply.json(200, "{\"apiKey\":7,\"serviceName\":\"Installed\"}"));
            Map<String, String> withToken = new HashMap<>(environment);
            withToken.put("AUTHLETE_BEARER", "dist-test-token-123456");
            Result get = run(
                    withToken,
                    authlete.toString(),
                    "service",
                    "get",
                    "--service-id",
                    "7",
                    "--server-url",
                    api.url(),
                    "-F",
                    "json");
            assertThat(get.exit()).as(get.toString()).isZero();
            assertThat(get.out().strip()).isEqualTo("{\"apiKey\":7,\"serviceName\":\"Installed\"}");
            assertThat(api.lastRequest().target()).isEqualTo("/api/7/service/get");
            assertThat(api.lastRequest().header("Authorization")).isEqualTo("Bearer dist-test-token-123456");
            assertThat(api.lastRequest().header("User-Agent")).contains(released);
            // jq's regular expressions work in the trimmed jar (joni and its Unicode tables, no transcoders).
            Result jq = run(
                    withToken,
                    authlete.toString(),
                    "service",
                    "get",
                    "--service-id",
                    "7",
                    "--server-url",
                    api.url(),
                    "--jq",
                    ".serviceName | test(\"^inst\"; \"i\")");
            assertThat(jq.out().strip()).as(jq.toString()).isEqualTo("true");
        }

        // bash-completion's own loader finds the script under ~/.local/share, as it does in an interactive shell.
        Result completion = run(
                environment,
                "bash",
                "-c",
                "source /usr/share/bash-completion/bash_completion; "
                        + "__load_completion authlete || exit 9; COMP_WORDS=(authlete cli); COMP_CWORD=1; _authlete; printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertThat(completion.exit()).as(completion.toString()).isZero();
        assertThat(completion.out().lines()).contains("client");
        assertThat(prefix.resolve("share/man/man1/authlete.1")).exists();

        Result uninstall = run(environment, "bash", installScript().toString(), "--uninstall");
        assertThat(uninstall.exit()).as(uninstall.toString()).isZero();
        assertThat(authlete).doesNotExist();
        assertThat(prefix.resolve("lib/authlete")).doesNotExist();
        try (Stream<Path> left = Files.walk(prefix)) {
            assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }

    /** The one-line install: the script piped into bash, the archive and its .sha256 fetched over HTTP. */
    @Test
    void theScriptPipedIntoBashInstallsFromAUrl() throws Exception {
        Path archive = Peers.distArchive();
        byte[] bytes = Files.readAllBytes(archive);
        byte[] checksum = Files.readAllBytes(archive.resolveSibling(archive.getFileName() + ".sha256"));
        try (StubServer site = new StubServer()) {
            site.handler(request -> request.target().endsWith(".sha256")
                    ? new StubServer.Reply(200, Map.of("Content-Type", "text/plain"), checksum)
                    : new StubServer.Reply(200, Map.of("Content-Type", "application/gzip"), bytes));
            Path home = Files.createDirectories(temp.resolve("piped-home"));
            ProcessBuilder builder =
                    new ProcessBuilder("bash", "-s", "--", site.url() + "/releases/" + archive.getFileName());
            builder.environment().clear();
            builder.environment().putAll(cleanEnvironment(home));
            Path out = Files.createTempFile(temp, "piped", ".out");
            Process process = builder.redirectInput(installScript().toFile())
                    .redirectOutput(out.toFile())
                    .redirectErrorStream(true)
                    .start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(Files.readString(out)).isZero();
            assertThat(site.requests())
                    .extracting(StubServer.Recorded::target)
                    .containsExactly(
                            "/releases/" + archive.getFileName(), "/releases/" + archive.getFileName() + ".sha256");
        }
        assertThat(run(
                                cleanEnvironment(temp.resolve("piped-home")),
                                temp.resolve("piped-home/.local/bin/authlete").toString(),
                                "--version")
                        .out())
                .startsWith("authlete ");
        Result help = run(
                cleanEnvironment(temp.resolve("piped-home")), "bash", "-c", "bash -s -- --help < " + installScript());
        assertThat(help.out()).contains("install.sh [--prefix DIR] [--sha256 HEX] ARCHIVE|URL");
    }

    @Test
    void aTamperedArchiveIsRefusedAndNothingIsInstalled() throws Exception {
        Path archive = Peers.distArchive();
        Path copy = Files.copy(archive, temp.resolve(archive.getFileName()));
        Files.writeString(
                temp.resolve(archive.getFileName() + ".sha256"), "0".repeat(64) + "  " + archive.getFileName() + "\n");
        Path home = Files.createDirectories(temp.resolve("home"));
        Result install = run(cleanEnvironment(home), "bash", installScript().toString(), copy.toString());
        assertThat(install.exit()).isEqualTo(1);
        assertThat(install.err()).contains("checksum mismatch").contains("nothing was installed");
        assertThat(home.resolve(".local/lib/authlete")).doesNotExist();
    }

    @Test
    void nothingOfTheUsersIsReplacedOrRemoved() throws Exception {
        Path archive = Peers.distArchive();
        Path home = Files.createDirectories(temp.resolve("own-home"));
        Path prefix = home.resolve(".local");
        Map<String, String> environment = cleanEnvironment(home);
        Path bin = Files.createDirectories(prefix.resolve("bin")).resolve("authlete");
        Path page = Files.createDirectories(prefix.resolve("share/man/man1")).resolve("authlete.1");

        // A program of the user's own, a link of theirs (even one into some other lib/authlete), a man page of theirs.
        Files.writeString(bin, "#!/bin/sh\necho mine\n");
        Result overFile = run(environment, "bash", installScript().toString(), archive.toString());
        assertThat(overFile.exit()).as(overFile.toString()).isEqualTo(1);
        assertThat(overFile.err()).contains("not installed by install.sh", bin.toString(), "nothing was installed");
        assertThat(Files.readString(bin)).isEqualTo("#!/bin/sh\necho mine\n");
        assertThat(prefix.resolve("lib/authlete")).doesNotExist();

        Files.delete(bin);
        Files.createSymbolicLink(bin, Path.of("/opt/other/lib/authlete/bin/authlete"));
        Result overLink = run(environment, "bash", installScript().toString(), archive.toString());
        assertThat(overLink.exit()).as(overLink.toString()).isEqualTo(1);
        assertThat(Files.readSymbolicLink(bin)).isEqualTo(Path.of("/opt/other/lib/authlete/bin/authlete"));

        Files.delete(bin);
        Files.writeString(page, "my own page");
        Result overPage = run(environment, "bash", installScript().toString(), archive.toString());
        assertThat(overPage.exit()).as(overPage.toString()).isEqualTo(1);
        assertThat(overPage.err()).contains(page.toString());
        assertThat(Files.readString(page)).isEqualTo("my own page");
        assertThat(prefix.resolve("lib/authlete")).doesNotExist();

        // Installed, then the user puts their own program where the link was: uninstall removes only the release.
        Files.delete(page);
        assertThat(run(environment, "bash", installScript().toString(), archive.toString())
                        .exit())
                .isZero();
        Files.delete(bin);
        Files.writeString(bin, "mine again");
        Result uninstall = run(environment, "bash", installScript().toString(), "--uninstall");
        assertThat(uninstall.exit()).as(uninstall.toString()).isZero();
        assertThat(Files.readString(bin)).isEqualTo("mine again");
        assertThat(prefix.resolve("lib/authlete")).doesNotExist();

        // A lib/authlete folder that is not a release this script installed is not removed.
        Path theirs = Files.createDirectories(prefix.resolve("lib/authlete"));
        Files.writeString(theirs.resolve("notes.txt"), "keep");
        Result refused = run(environment, "bash", installScript().toString(), "--uninstall");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("was not put there by install.sh");
        assertThat(theirs.resolve("notes.txt")).hasContent("keep");
    }

    @Test
    void anUpgradeThatCannotRunOrFailsMidwayKeepsTheWorkingRelease() throws Exception {
        Path archive = Peers.distArchive();
        Path home = Files.createDirectories(temp.resolve("upgrade-home"));
        Path prefix = home.resolve(".local");
        Map<String, String> environment = cleanEnvironment(home);
        assertThat(run(environment, "bash", installScript().toString(), archive.toString())
                        .exit())
                .isZero();
        Path authlete = prefix.resolve("bin/authlete");

        // A release whose launcher fails here (a wrong platform, a damaged runtime).
        Path broken = temp.resolve("broken");
        Path brokenArchive = temp.resolve("authlete-broken-linux-x64.tar.gz");
        Result made = run(
                environment,
                "bash",
                "-c",
                "set -e; mkdir -p \"$1\"; tar -xzf \"$2\" -C \"$1\"; cd \"$1\"; top=$(ls); "
                        + "printf '#!/bin/sh\\necho \"cannot execute binary file\" >&2; exit 126\\n' > \"$top/bin/authlete\"; "
                        + "tar -czf \"$3\" \"$top\"; sha256sum \"$3\" > \"$3.sha256\"",
                "make-broken",
                broken.toString(),
                archive.toString(),
                brokenArchive.toString());
        assertThat(made.exit()).as(made.toString()).isZero();
        Result upgrade = run(environment, "bash", installScript().toString(), brokenArchive.toString());
        assertThat(upgrade.exit()).as(upgrade.toString()).isEqualTo(1);
        assertThat(upgrade.err())
                .contains("does not run on this machine", "cannot execute binary file", "nothing was changed");
        assertThat(run(environment, authlete.toString(), "--version").out()).startsWith("authlete ");
        assertLibHoldsOnlyTheRelease(prefix);

        // A failure while linking: the previous release comes back, its links work.
        Map<String, String> failing = new HashMap<>(environment);
        failing.put("_AUTHLETE_INSTALL_FAIL", "link");
        Result midway = run(failing, "bash", installScript().toString(), archive.toString());
        assertThat(midway.exit()).as(midway.toString()).isEqualTo(1);
        assertThat(midway.err()).contains("the previous release is back in place");
        assertThat(run(environment, authlete.toString(), "--version").out()).startsWith("authlete ");
        assertThat(prefix.resolve("share/man/man1/authlete.1")).exists();
        assertLibHoldsOnlyTheRelease(prefix);

        // The same on a first install: nothing is left, not even a dangling link.
        Path fresh = Files.createDirectories(temp.resolve("fresh-home"));
        Map<String, String> freshFailing = new HashMap<>(cleanEnvironment(fresh));
        freshFailing.put("_AUTHLETE_INSTALL_FAIL", "link");
        Result first = run(freshFailing, "bash", installScript().toString(), archive.toString());
        assertThat(first.exit()).isEqualTo(1);
        assertThat(first.err()).contains("nothing is installed");
        assertThat(Files.exists(fresh.resolve(".local/bin/authlete"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(fresh.resolve(".local/lib/authlete")).doesNotExist();
    }

    private static void assertLibHoldsOnlyTheRelease(Path prefix) throws IOException {
        try (Stream<Path> lib = Files.list(prefix.resolve("lib"))) {
            assertThat(lib.map(path -> path.getFileName().toString()).toList()).containsExactly("authlete");
        }
    }

    /** Another prefix: the lines install.sh prints for bash and fish work, in the real shells. */
    @Test
    void withAnotherPrefixThePrintedCompletionLinesWorkInBashAndFish() throws Exception {
        Path archive = Peers.distArchive();
        Path home = Files.createDirectories(temp.resolve("opt-home"));
        Path prefix = temp.resolve("opt/authlete-tools");
        Map<String, String> environment = cleanEnvironment(home);
        Result install =
                run(environment, "bash", installScript().toString(), "--prefix", prefix.toString(), archive.toString());
        assertThat(install.exit()).as(install.toString()).isZero();
        String bashLine = install.out()
                .lines()
                .filter(line -> line.contains("~/.bashrc:"))
                .findFirst()
                .orElseThrow()
                .replaceFirst(".*~/.bashrc:\\s*", "");
        String fishLine = install.out()
                .lines()
                .filter(line -> line.contains("config.fish:"))
                .findFirst()
                .orElseThrow()
                .replaceFirst(".*config.fish:\\s*", "");
        assertThat(bashLine).isEqualTo("source " + prefix.toRealPath() + "/share/bash-completion/completions/authlete");

        Map<String, String> withPath = new HashMap<>(environment);
        withPath.put("PATH", prefix.toRealPath().resolve("bin") + ":" + environment.get("PATH"));
        Result bash = run(
                withPath,
                "bash",
                "-c",
                bashLine + "; COMP_WORDS=(authlete cli); COMP_CWORD=1; _authlete; printf '%s\\n' \"${COMPREPLY[@]}\"");
        assertThat(bash.exit()).as(bash.toString()).isZero();
        assertThat(bash.out().lines()).contains("client");

        String fish = System.getenv("AUTHLETE_FISH");
        assertThat(fish).as("fish (AUTHLETE_FISH)").isNotBlank();
        Result completed = run(withPath, fish, "--no-config", "-c", fishLine + "; complete -C 'authlete cli'");
        assertThat(completed.exit()).as(completed.toString()).isZero();
        assertThat(completed.out().lines()).anyMatch(line -> line.startsWith("client"));

        Result nowhere = run(
                environment,
                "bash",
                installScript().toString(),
                "--prefix",
                temp.resolve("never/made").toString(),
                "--uninstall");
        assertThat(nowhere.exit()).isEqualTo(1);
        assertThat(nowhere.err()).contains("nothing installed");
        assertThat(temp.resolve("never")).doesNotExist();
    }

    @Test
    void plainHttpToAnotherMachineIsRefusedWithoutAChecksumGivenApart() throws Exception {
        Path home = Files.createDirectories(temp.resolve("http-home"));
        for (String url : List.of(
                "http://example.invalid/authlete-1.0.0-linux-x64.tar.gz",
                "http://user@203.0.113.7:8080/authlete.tar.gz",
                "http://[2001:db8::1]/authlete.tar.gz")) {
            Result refused = run(cleanEnvironment(home), "bash", installScript().toString(), url);
            assertThat(refused.exit()).as(url).isEqualTo(2);
            assertThat(refused.err()).as(url).contains("refusing plain http://", "without --sha256");
        }
        assertThat(home.resolve(".local/lib/authlete")).doesNotExist();
    }

    /**
     * The Homebrew formula made beside the archive, evaluated by Ruby with a stand-in for Homebrew's Formula class
     * that records the DSL calls (what {@code brew audit} looks at first: a parsable class, url, sha256, version, desc),
     * and the JBang catalog.
     */
    @Test
    void theFormulaAndTheJBangCatalogDescribeTheArchive() throws Exception {
        Path archive = Peers.distArchive();
        Path formula = archive.resolveSibling("authlete.rb");
        Path recorder = Files.writeString(
                temp.resolve("recorder.rb"),
                String.join(
                        "\n",
                        "class Formula",
                        "  class << self",
                        "    def fields; @fields ||= {}; end",
                        "    %i[desc homepage url sha256 version license].each { |m| define_method(m) { |v| fields[m] = v } }",
                        "    def depends_on(*args); (fields[:depends_on] ||= []) << args.inspect; end",
                        "    def test(&block); fields[:test] = !block.nil?; end",
                        "  end",
                        "end",
                        "load ARGV[0]",
                        "raise 'Authlete must be a Formula' unless Authlete < Formula",
                        "Authlete.fields.each { |k, v| puts \"#{k}=#{v}\" }",
                        "puts \"install=#{Authlete.instance_method(:install).arity}\""));
        Result evaluated =
                run(Map.of("PATH", "/usr/bin:/bin"), Peers.ruby().toString(), recorder.toString(), formula.toString());
        assertThat(evaluated.exit()).as(evaluated.toString()).isZero();
        Map<String, String> fields = new HashMap<>();
        evaluated
                .out()
                .lines()
                .forEach(line ->
                        fields.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));

        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive)));
        assertThat(fields.get("sha256")).isEqualTo(sha256);
        assertThat(fields.get("url")).startsWith("https://").endsWith("/" + archive.getFileName());
        String version = archive.getFileName()
                .toString()
                .replaceFirst("^authlete-", "")
                .replaceFirst("-linux-x64\\.tar\\.gz$", "");
        assertThat(fields.get("version")).isEqualTo(version);
        // brew audit's rules for desc: short, no leading article, no final period.
        assertThat(fields.get("desc"))
                .hasSizeLessThan(80)
                .doesNotStartWith("A ")
                .doesNotStartWith("An ")
                .doesNotEndWith(".");
        assertThat(fields.get("homepage")).startsWith("https://");
        assertThat(fields.get("test")).isEqualTo("true");
        assertThat(fields.get("install")).isEqualTo("0");
        assertThat(fields.get("depends_on")).contains(":linux");

        JsonNode catalog = new ObjectMapper()
                .readTree(archive.resolveSibling("jbang-catalog.json").toFile());
        assertThat(catalog.at("/aliases/authlete/script-ref").asText())
                .isEqualTo("com.authlete.toolkit:authlete-cli:" + version);
        assertThat(catalog.at("/aliases/authlete/main").asText()).isEqualTo(Main.class.getName());
    }

    /** The .deb made beside the archive: the same release under /usr/lib/authlete, linked and filed where Debian looks. */
    /**
     * The installed release over HTTPS, as every real command talks: the handshake in its native library (loaded from
     * lib/native, its classes from the start-up archive recorded at build time), nothing on stderr (JDK 25 warns
     * about native access unless the jar allows it), and every native file it ships named in its notices.
     */
    @Test
    void theInstalledReleaseTalksHttpsNativelyAndQuietlyAndNamesWhatItShips() throws Exception {
        Path home = Files.createDirectories(temp.resolve("tls-home"));
        Map<String, String> environment = cleanEnvironment(home);
        Result install = run(
                environment,
                "bash",
                installScript().toString(),
                Peers.distArchive().toString());
        assertThat(install.exit()).as(install.toString()).isZero();
        Path release = home.resolve(".local/lib/authlete");
        Path authlete = home.resolve(".local/bin/authlete");

        Path store = temp.resolve("server.p12");
        Path certificate = temp.resolve("server.pem");
        TlsTestServers.selfSigned(store, certificate, "EC", "ip:127.0.0.1");
        HttpsServer server = TlsTestServers.serve(store, "{\"apiKey\":7,\"serviceName\":\"over-tls\"}");
        try {
            Map<String, String> withToken = new HashMap<>(environment);
            withToken.put("AUTHLETE_BEARER", "dist-tls-token-123456");
            Path classes = temp.resolve("classes.log");
            withToken.put("AUTHLETE_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
            List<String> get = List.of(
                    authlete.toString(),
                    "service",
                    "get",
                    "--service-id",
                    "7",
                    "--server-url",
                    "https://127.0.0.1:" + server.getAddress().getPort(),
                    "--ca-cert",
                    certificate.toString());
            Result json = run(withToken, concat(get, "-F", "json"));
            assertThat(json.exit()).as(json.toString()).isZero();
            assertThat(json.out().strip()).isEqualTo("{\"apiKey\":7,\"serviceName\":\"over-tls\"}");
            assertThat(json.err()).as("stderr of a plain HTTPS command").isEmpty();
            assertThat(Files.readAllLines(classes))
                    .as("Conscrypt's classes come from the start-up archive trained with them")
                    .anyMatch(line -> line.contains("org.conscrypt.NativeCrypto source: shared objects file"))
                    .noneMatch(line -> line.contains("org.conscrypt.") && line.contains("source: jar:"));
            withToken.remove("AUTHLETE_JAVA_OPTS");
            Result debug = run(withToken, concat(get, "--debug"));
            assertThat(debug.err()).contains("* TLS: Conscrypt (native)").doesNotContain("WARNING");
        } finally {
            server.stop(0);
        }

        String notice = Files.readString(release.resolve("share/doc/authlete/NOTICE"));
        assertThat(release.resolve("share/doc/authlete/LICENSE")).content().contains("Apache License");
        try (Stream<Path> natives = Files.list(release.resolve("lib/native"))) {
            List<String> names =
                    natives.map(file -> file.getFileName().toString()).toList();
            assertThat(names).isNotEmpty();
            assertThat(names).allSatisfy(name -> assertThat(notice).contains("lib/native/" + name));
        }
        assertThat(notice).contains("Conscrypt 2.9.0", "BoringSSL", "Apache License");
    }

    @Test
    void theDebPackageHoldsTheReleaseInTheSystemFolders() throws Exception {
        Path archive = Peers.distArchive();
        Path deb;
        try (Stream<Path> files = Files.list(archive.getParent())) {
            deb = files.filter(file -> file.getFileName().toString().matches("authlete_.*_amd64\\.deb"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no .deb beside " + archive));
        }
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(deb)));
        assertThat(Files.readString(deb.resolveSibling(deb.getFileName() + ".sha256")))
                .startsWith(sha256 + "  " + deb.getFileName());
        Map<String, String> environment = cleanEnvironment(Files.createDirectories(temp.resolve("deb-home")));
        Result fields = run(environment, "dpkg-deb", "-f", deb.toString(), "Package", "Architecture", "Depends");
        assertThat(fields.out()).contains("Package: authlete", "Architecture: amd64", "Depends: libc6");

        Path root = temp.resolve("root");
        Result unpacked = run(environment, "dpkg-deb", "-x", deb.toString(), root.toString());
        assertThat(unpacked.exit()).as(unpacked.toString()).isZero();
        assertThat(Files.readSymbolicLink(root.resolve("usr/bin/authlete")))
                .isEqualTo(Path.of("../lib/authlete/bin/authlete"));
        assertThat(root.resolve("usr/share/man/man1/authlete.1.gz")).exists();
        assertThat(root.resolve("usr/share/bash-completion/completions/authlete"))
                .exists();
        assertThat(root.resolve("usr/share/zsh/vendor-completions/_authlete")).exists();
        assertThat(root.resolve("usr/share/fish/vendor_completions.d/authlete.fish"))
                .exists();
        Result version = run(environment, root.resolve("usr/bin/authlete").toString(), "--version");
        assertThat(version.out()).as(version.toString()).startsWith("authlete ");
        assertThat(root.resolve("usr/lib/authlete/lib/aot-https.aot")).exists();
        assertThat(root.resolve("usr/share/doc/authlete/copyright")).content().contains("Conscrypt", "BoringSSL");
    }

    private Map<String, String> cleanEnvironment(Path home) throws IOException {
        // In target/, not the test's temporary folder: JUnit would warn about every link it deletes.
        Path tools = Files.createDirectories(Path.of("target", "dist-test-path").toAbsolutePath());
        for (String folder : List.of("/usr/bin", "/bin")) {
            try (Stream<Path> programs = Files.list(Path.of(folder))) {
                for (Path program : programs.toList()) {
                    Path link = tools.resolve(program.getFileName().toString());
                    if (!BUILD_TOOLS.contains(program.getFileName().toString())
                            && Files.notExists(link, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, program);
                    }
                }
            }
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", home.toString());
        environment.put("PATH", tools.toString());
        environment.put("LANG", "C.UTF-8");
        environment.put("AUTHLETE_KEYCHAIN", "none");
        return environment;
    }

    private static String[] concat(List<String> command, String... more) {
        return Stream.concat(command.stream(), Stream.of(more)).toArray(String[]::new);
    }

    private static Path installScript() {
        Path script = Path.of("..", "scripts", "install.sh").toAbsolutePath().normalize();
        assertThat(script).exists();
        return script;
    }

    private record Result(int exit, String out, String err) {}

    private Result run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(line + " did not finish in 120 s");
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
