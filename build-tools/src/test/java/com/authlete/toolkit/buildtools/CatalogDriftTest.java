package com.authlete.toolkit.buildtools;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.catalog.ResourceSchema;
import com.authlete.toolkit.core.testing.Peers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** The committed catalog and resource schemas must be exactly what the generators make of the real OpenAPI description. */
class CatalogDriftTest {

    /** Core's committed data files, from this module's folder. */
    static final Path COMMITTED = Path.of("../core/src/main/resources/com/authlete/toolkit/core/catalog/catalog.json");

    static final Path RESOURCES =
            Path.of("../core/src/main/resources/com/authlete/toolkit/core/catalog/resources.json");
    static final Path NAMING = Path.of("src/main/resources/com/authlete/toolkit/buildtools/command-names.tsv");

    @Test
    void committedCatalogMatchesAFreshGeneration() throws Exception {
        assertCommitted(COMMITTED, CatalogGenerator.generate(Peers.openApi(), NAMING));
    }

    /** The committed file equals a fresh generation; with -Dcatalog.update=true it is first replaced by it. */
    private static void assertCommitted(Path committed, byte[] fresh) throws Exception {
        if (Boolean.getBoolean("catalog.update")) {
            Path temporary = Files.createTempFile(committed.toAbsolutePath().getParent(), "generated", ".tmp");
            Files.write(temporary, fresh);
            // A temporary file is private; the committed one is read by everyone, like any source file.
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(temporary, committed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("%s drifted from %s; run scripts/regenerate-catalog", committed.getFileName(), Peers.OPENAPI)
                .isEqualTo(new String(fresh, StandardCharsets.UTF_8));
    }

    @Test
    void committedResourceSchemasMatchAFreshGeneration() throws Exception {
        byte[] fresh = ResourceSchemaGenerator.generate(Peers.openApi(), NAMING);
        assertCommitted(RESOURCES, fresh);
        // What the declarative commands rely on: clients are identified and matched by these, and only the server sets
        // them.
        ResourceSchema client =
                ResourceSchema.read(new ByteArrayInputStream(fresh)).get("client");
        assertThat(client.field("clientId"))
                .hasValueSatisfying(field -> assertThat(field.readOnly()).isTrue());
        assertThat(client.field("clientSecret"))
                .hasValueSatisfying(field -> assertThat(field.readOnly()).isTrue());
        assertThat(client.field("redirectUris"))
                .hasValueSatisfying(field -> assertThat(field.itemType()).isEqualTo("string"));
        assertThat(client.field("extension"))
                .hasValueSatisfying(
                        field -> assertThat(field.field("accessTokenDuration")).isPresent());
    }
}
