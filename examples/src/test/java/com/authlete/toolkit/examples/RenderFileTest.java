package com.authlete.toolkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.render.RenderOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderFileTest {

    @Test
    void rendersAFileInEveryFormat(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("people.json");
        Files.writeString(file, "[{\"name\":\"Ada\",\"born\":1815},{\"name\":\"Grace\",\"born\":1906}]");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        RenderFile.run(file, RenderOptions.PLAIN, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                == pretty
                - name: Ada
                  born: 1815
                - name: Grace
                  born: 1906
                == json
                [{"name":"Ada","born":1815},{"name":"Grace","born":1906}]
                == yaml
                - name: Ada
                  born: 1815
                - name: Grace
                  born: 1906
                == table
                name   born
                Ada    1815
                Grace  1906
                == toon
                [2]{name,born}:
                  Ada,1815
                  Grace,1906
                """);
    }
}
