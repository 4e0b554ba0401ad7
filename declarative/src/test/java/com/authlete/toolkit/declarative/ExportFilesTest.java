package com.authlete.toolkit.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authlete.toolkit.core.client.AuthleteClient;
import com.authlete.toolkit.core.testing.FakeAuthlete;
import com.authlete.toolkit.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export never writes two clients to one file, writes all its files or none, and never writes through a
 * symbolic link (a lost or redirected file would turn the next {@code apply --prune} into a deletion).
 */
class ExportFilesTest {

    private static final String SERVICE = "715948317";

    @TempDir
    Path home;

    private FakeAuthlete fake;
    private AuthleteClient authlete;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeAuthlete(SERVICE, DeclarativeWorkflowTest.TOKEN);
        authlete = DeclarativeWorkflowTest.connect(fake.url());
    }

    @AfterEach
    void stop() {
        authlete.close();
        fake.close();
    }

    private long add(String name) {
        ObjectNode client = JsonTrees.NODES.objectNode();
        client.put("clientName", name);
        return fake.addClient(client).path("clientId").asLong();
    }

    private List<Export.ExportedFile> export() {
        return Export.of(LiveState.fetch(authlete, SERVICE));
    }

    /** The client id each client file holds: every client once, in a file of its own. */
    private static void oneFileEach(List<Export.ExportedFile> files, List<Long> ids) throws IOException {
        Set<String> paths = new HashSet<>();
        List<Long> held = new ArrayList<>();
        for (Export.ExportedFile file : files) {
            assertThat(paths.add(file.path())).as(file.path()).isTrue();
            if (file.path().startsWith("clients/")) {
                held.add(new YAMLMapper().readTree(file.text()).path("clientId").asLong());
            }
        }
        assertThat(held).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aFallbackNameNeverMeetsAnotherClientsName() throws Exception {
        // Ids are handed out in steps of 7919: the third client will be first + 2 x 7919.
        long web = add("web");
        long named = add("web-" + (web + 2 * 7919));
        long twin = add("web");
        assertThat(twin).isEqualTo(web + 2 * 7919);

        List<Export.ExportedFile> files = export();

        oneFileEach(files, List.of(web, named, twin));
        Path dir = home.resolve("config");
        Export.write(dir, files);
        try (Stream<Path> written = Files.list(dir.resolve("clients"))) {
            assertThat(written).hasSize(3);
        }
    }

    @Test
    void twinsAndNamesWithoutLettersGetNamesOfTheirOwn() throws Exception {
        List<Long> ids =
                List.of(add("Shop"), add("shop"), add("SHOP!"), add("***"), add("---"), add("web-1"), add("web"));
        oneFileEach(export(), ids);
    }

    @Test
    void namesAreSafeOnEverySystemReadableAndStable() throws Exception {
        long con = add("CON");
        long nul = add("nul");
        long com1 = add("Com1");
        long cafe = add("Café Ünïcode");
        long street = add("Straße Øresund");
        long japanese = add("ウェブアプリ");
        long dots = add("Trailing dots... ");
        List<Export.ExportedFile> files = export();
        Map<Long, String> names = new HashMap<>();
        for (Export.ExportedFile file : files) {
            if (file.path().startsWith("clients/")) {
                names.put(
                        new YAMLMapper().readTree(file.text()).path("clientId").asLong(), file.path());
            }
        }
        assertThat(names)
                .containsEntry(con, "clients/con-client.yaml")
                .containsEntry(nul, "clients/nul-client.yaml")
                .containsEntry(com1, "clients/com1-client.yaml")
                .containsEntry(cafe, "clients/cafe-unicode.yaml")
                .containsEntry(street, "clients/strasse-oresund.yaml")
                .containsEntry(japanese, "clients/client-" + japanese + ".yaml")
                .containsEntry(dots, "clients/trailing-dots.yaml");
        assertThat(export()).as("the same names on every run").isEqualTo(files);
    }

    @Test
    void filesChangedSinceTheLastExportAreNotOverwrittenWithoutForce() throws Exception {
        long id = add("Web");
        Path dir = home.resolve("config");
        Export.write(dir, export());
        Export.write(dir, export()); // unchanged since the export wrote them: written again
        Path web = dir.resolve("clients/web.yaml");
        String exported = Files.readString(web);

        Files.writeString(web, exported.replace("clientName: Web", "clientName: Web (edited)"));
        Files.writeString(dir.resolve("service.yaml"), "serviceName: mine, never exported\n");
        assertThatThrownBy(() -> Export.write(dir, export()))
                .isInstanceOf(Export.EditedFilesException.class)
                .satisfies(e -> assertThat(((Export.EditedFilesException) e).files())
                        .containsExactly("service.yaml", "clients/web.yaml"))
                .hasMessageContaining("nothing was written");
        assertThat(Files.readString(web)).contains("Web (edited)");
        assertThat(dir.resolve("service.yaml")).hasContent("serviceName: mine, never exported\n");

        Export.write(dir, export(), true);
        assertThat(Files.readString(web)).isEqualTo(exported);
        assertThat(id).isPositive();
    }

    @Test
    void aVeryLongNameGivesAFileNameWithinLimits() throws Exception {
        long id = add("x".repeat(300));
        List<Export.ExportedFile> files = export();
        oneFileEach(files, List.of(id));
        Path dir = home.resolve("config");
        Export.write(dir, files);
        try (Stream<Path> written = Files.list(dir.resolve("clients"))) {
            assertThat(written)
                    .allSatisfy(
                            file -> assertThat(file.getFileName().toString()).hasSizeLessThan(100));
        }
    }

    @Test
    void aClientsFolderThatIsALinkIsRefusedAndNothingIsWritten() throws Exception {
        add("web");
        Path outside = Files.createDirectory(home.resolve("outside"));
        Path dir = Files.createDirectory(home.resolve("config"));
        Files.createSymbolicLink(dir.resolve("clients"), outside);

        assertThatThrownBy(() -> Export.write(dir, export()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("symbolic link");

        assertThat(Files.exists(dir.resolve("service.yaml"))).isFalse();
        try (Stream<Path> written = Files.list(outside)) {
            assertThat(written).isEmpty();
        }
    }

    @Test
    void aFileThatIsALinkOrAFolderIsRefusedAndNothingIsWritten() throws Exception {
        add("web");
        Path outside = Files.writeString(home.resolve("bashrc"), "mine");
        Path dir = Files.createDirectories(home.resolve("config/clients")).getParent();
        Files.createSymbolicLink(dir.resolve("clients/web.yaml"), outside);
        assertThatThrownBy(() -> Export.write(dir, export()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a regular file");
        assertThat(Files.readString(outside)).isEqualTo("mine");
        assertThat(Files.exists(dir.resolve("service.yaml"))).isFalse();

        Files.delete(dir.resolve("clients/web.yaml"));
        Files.createDirectory(dir.resolve("clients/web.yaml"));
        assertThatThrownBy(() -> Export.write(dir, export()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a regular file");
        assertThat(Files.exists(dir.resolve("service.yaml"))).isFalse();
    }
}
