package com.authlete.toolkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated completion scripts loaded in real shells, asked for the candidates of partial command lines:
 * bash through {@code COMP_WORDS}/{@code COMP_CWORD} driving the completion function; fish through its own
 * {@code complete -C}; zsh by calling the completion function with {@code words}/{@code CURRENT} set and
 * {@code compadd} recording what it is offered (filtered by the typed prefix, as zsh itself does).
 * zsh and fish are found through {@code AUTHLETE_ZSH} and {@code AUTHLETE_FISH}.
 */
class CompletionShellsTest {

    @TempDir
    Path dir;

    private Path script(String shell) throws Exception {
        CliHarness.Result result = new CliHarness().run("completion", shell);
        assertThat(result.exitCode()).as(result.err()).isZero();
        Path file = dir.resolve("authlete." + shell);
        Files.writeString(file, result.out());
        return file;
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static List<String> lines(String output) {
        return Arrays.stream(output.split("\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .sorted()
                .toList();
    }

    private String bash(Path script, String line) throws Exception {
        // Split like readline would; a trailing space starts a new, empty word.
        return run(
                "bash",
                "-c",
                "source \"$1\"; read -ra COMP_WORDS <<< \"$2\"; [[ $2 == *' ' ]] && COMP_WORDS+=(''); "
                        + "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _authlete; printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash",
                script.toString(),
                line);
    }

    @Test
    void bashCompletesWordsFlagsEnumValuesAndFiles() throws Exception {
        Path script = script("bash");
        assertThat(lines(bash(script, "authlete cl"))).containsExactly("client");
        assertThat(lines(bash(script, "authlete client ")))
                .containsExactly("create", "delete", "get", "list", "management", "update", "update-form");
        assertThat(lines(bash(script, "authlete client create --client-")))
                .contains("--client-name", "--client-type", "--client-id")
                .allSatisfy(flag -> assertThat(flag).startsWith("--client-"));
        assertThat(lines(bash(script, "authlete client create --client-type ")))
                .containsExactly("CONFIDENTIAL", "PUBLIC");
        assertThat(lines(bash(script, "authlete service list --output-format ")))
                .containsExactly("json", "pretty", "table", "toon", "yaml");
        assertThat(lines(bash(script, "authlete client management re")))
                .containsExactly("refresh-secret", "revoke-client-tokens", "revoke-client-tokens-post");
        assertThat(lines(bash(script, "authlete auth "))).containsExactly("login", "logout", "status", "token");
        Files.writeString(dir.resolve("client.json"), "{}");
        assertThat(lines(bash(script, "authlete client create --body @" + dir + "/cl")))
                .containsExactly("@" + dir + "/client.json");
        assertThat(lines(bash(script, "authlete service list -o " + dir + "/cl")))
                .containsExactly(dir + "/client.json");
        assertThat(lines(bash(script, "authlete client create --client-type PUBLIC --client-n")))
                .contains("--client-name")
                .allSatisfy(flag -> assertThat(flag).startsWith("--client-n"));
    }

    @Test
    void bashCompletesGlobalFlagsBeforeTheCommandAndShellNames() throws Exception {
        Path script = script("bash");
        // Standard error is part of the output: bash reports "bad array subscript" there and goes on.
        assertThat(bash(script, "authlete -")).doesNotContain("bad array subscript");
        assertThat(lines(bash(script, "authlete -")))
                .contains("--debug", "--server", "--output-format", "-F", "--help", "--version");
        assertThat(lines(bash(script, "authlete --")))
                .contains("--debug", "--profile")
                .allSatisfy(f -> assertThat(f).startsWith("--"));
        assertThat(lines(bash(script, "authlete --debug cl"))).containsExactly("client");
        assertThat(lines(bash(script, "authlete --profile ci --debug client "))).contains("create", "management");
        assertThat(lines(bash(script, "authlete --output-format ")))
                .containsExactly("json", "pretty", "table", "toon", "yaml");
        assertThat(lines(bash(script, "authlete completion "))).containsExactly("bash", "fish", "powershell", "zsh");
        assertThat(lines(bash(script, "authlete completion bash "))).isEmpty();
        assertThat(lines(bash(script, "authlete api "))).contains("GET", "POST");
    }

    @Test
    void fishCompletesThroughItsOwnCompletionApi() throws Exception {
        String fish = System.getenv("AUTHLETE_FISH");
        assumeTrue(
                fish != null && Files.isExecutable(Path.of(fish)),
                "skipped: set AUTHLETE_FISH to the fish executable (Debian fish)");
        Path script = script("fish");
        Function<String, List<String>> complete = line -> {
            try {
                return lines(run(
                                fish,
                                "--no-config",
                                "-c",
                                "source $argv[1]; complete -C $argv[2]",
                                script.toString(),
                                line))
                        .stream()
                        .map(candidate -> candidate.split("\t")[0])
                        .toList();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertCommonCandidates(complete);
        assertThat(complete.apply("authlete auth ")).containsExactly("login", "logout", "status", "token");
        Files.writeString(dir.resolve("client.json"), "{}");
        assertThat(complete.apply("authlete client create --body @" + dir + "/cl"))
                .containsExactly("@" + dir + "/client.json");
    }

    @Test
    void zshCompletesThroughTheCompletionFunction() throws Exception {
        String zsh = System.getenv("AUTHLETE_ZSH");
        assumeTrue(
                zsh != null && Files.isExecutable(Path.of(zsh)),
                "skipped: set AUTHLETE_ZSH to the zsh executable (Debian zsh)");
        Path script = script("zsh");
        Function<String, List<String>> complete = line -> {
            try {
                return lines(run(
                        zsh,
                        "-f",
                        "-c",
                        String.join(
                                "\n",
                                "compadd() { local i=${@[(i)--]} c; for c in \"${@[i+1,-1]}\"; do [[ $c == ${PREFIX}* ]] && print -r -- $c; done; return 0; }",
                                "_files() { print -r -- FILES; }",
                                "compset() { [[ $PREFIX == @* ]] && PREFIX=${PREFIX#@}; }",
                                "source \"$1\"",
                                "words=(${(z)2}); [[ $2 == *' ' ]] && words+=('')",
                                "CURRENT=${#words}; PREFIX=${words[CURRENT]}",
                                "_authlete"),
                        "zsh",
                        script.toString(),
                        line));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertCommonCandidates(complete);
        assertThat(complete.apply("authlete service list -o ")).containsExactly("FILES");
    }

    /** The partial lines both fish and zsh are asked about. */
    private static void assertCommonCandidates(Function<String, List<String>> complete) {
        assertThat(complete.apply("authlete --"))
                .contains("--debug", "--server", "--output-format", "--profile", "--help");
        assertThat(complete.apply("authlete --debug cl")).containsExactly("client");
        assertThat(complete.apply("authlete --profile ci cl")).containsExactly("client");
        assertThat(complete.apply("authlete completion ")).containsExactly("bash", "fish", "powershell", "zsh");
        assertThat(complete.apply("authlete cl")).containsExactly("client");
        assertThat(complete.apply("authlete client "))
                .containsExactly("create", "delete", "get", "list", "management", "update", "update-form");
        assertThat(complete.apply("authlete client create --client-ty")).containsExactly("--client-type");
        assertThat(complete.apply("authlete client create --client-type ")).containsExactly("CONFIDENTIAL", "PUBLIC");
        assertThat(complete.apply("authlete service list --output-format "))
                .containsExactly("json", "pretty", "table", "toon", "yaml");
        assertThat(complete.apply("authlete client management re"))
                .containsExactly("refresh-secret", "revoke-client-tokens", "revoke-client-tokens-post");
    }

    /** The README's own install lines, run as written by a user with a fresh home directory. */
    private List<String> readmeLines(String... containing) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("../README.md"));
        return lines.stream()
                .filter(line -> Arrays.stream(containing).anyMatch(line::contains))
                .filter(line -> !line.startsWith("#"))
                .toList();
    }

    /** A home directory with an {@code authlete} on PATH that prints the given shell's script, as the real one does. */
    private Path home(String shell) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-" + shell));
        Path bin = Files.createDirectories(dir.resolve("bin-" + shell));
        Path authlete = bin.resolve("authlete");
        Files.writeString(authlete, "#!/bin/sh\ncat '" + script(shell) + "'\n");
        authlete.toFile().setExecutable(true);
        return home;
    }

    private static String runIn(Path home, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment()
                .put(
                        "PATH",
                        home.resolveSibling(
                                        "bin-" + home.getFileName().toString().substring(5)) + ":"
                                + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void theReadmeInstallLinesWorkForAUserWithAFreshHome() throws Exception {
        String zsh = System.getenv("AUTHLETE_ZSH");
        String fish = System.getenv("AUTHLETE_FISH");
        assumeTrue(
                zsh != null && Files.isExecutable(Path.of(zsh)) && fish != null && Files.isExecutable(Path.of(fish)),
                "skipped: set AUTHLETE_ZSH and AUTHLETE_FISH to the zsh and fish executables (Debian zsh, fish)");
        List<String> zshLines = readmeLines("~/.zfunc");
        assertThat(zshLines).hasSize(2);
        Path zshHome = home("zsh");
        runIn(zshHome, "sh", "-c", String.join("\n", zshLines));
        // A new interactive-style zsh reads ~/.zshrc: compinit finds _authlete on fpath and binds it to authlete.
        assertThat(runIn(zshHome, zsh, "-c", "source ~/.zshrc; print -r -- ${_comps[authlete]}"))
                .isEqualTo("_authlete\n");

        List<String> fishLines = readmeLines("fish/completions");
        assertThat(fishLines).hasSize(1);
        Path fishHome = home("fish");
        runIn(fishHome, "sh", "-c", fishLines.get(0));
        assertThat(runIn(fishHome, fish, "-c", "complete -C 'authlete cl'")
                        .lines()
                        .map(line -> line.split("\t")[0])
                        .toList())
                .containsExactly("client");
    }

    @Test
    void powershellScriptIsWellFormed() throws Exception {
        String text = Files.readString(script("powershell"));
        // No PowerShell in these registries: check the structure instead of running it.
        assertThat(text)
                .contains(
                        "Register-ArgumentCompleter -Native -CommandName authlete",
                        "'client create --client-type' = 'PUBLIC CONFIDENTIAL'",
                        "'client management' = ");
        long open = text.chars().filter(c -> c == '{').count();
        long close = text.chars().filter(c -> c == '}').count();
        assertThat(open).isEqualTo(close);
        for (String line : text.split("\n")) {
            assertThat(line.chars().filter(c -> c == '\'').count() % 2).as(line).isZero();
        }
    }

    @Test
    void unknownShellIsAUsageError() {
        CliHarness.Result result = new CliHarness().run("completion", "tcsh");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown shell 'tcsh'");
    }
}
