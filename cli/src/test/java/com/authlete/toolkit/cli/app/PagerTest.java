package com.authlete.toolkit.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help goes through the pager when it works, and is printed plainly when the pager cannot show it. */
class PagerTest {

    @TempDir
    Path folder;

    private static String shown(String pager) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Pager.show("the help text\n".getBytes(StandardCharsets.UTF_8), Map.of("PAGER", pager), out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aPagerThatIsMissingOrFailsLeavesTheTextPrintedPlainly() {
        assertThat(shown("nosuchpager-4711")).isEqualTo("the help text\n");
        assertThat(shown("false")).isEqualTo("the help text\n");
        assertThat(shown("cat")).isEqualTo("the help text\n");
    }

    @Test
    void aWorkingPagerGetsTheTextAndNothingIsPrintedTwice() throws Exception {
        Path seen = folder.resolve("seen.txt");
        assertThat(shown("cat > '" + seen + "'")).isEmpty();
        assertThat(Files.readString(seen)).isEqualTo("the help text\n");
    }
}
