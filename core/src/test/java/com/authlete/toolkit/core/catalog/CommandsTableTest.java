package com.authlete.toolkit.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.toolkit.core.testing.Peers;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every row of the published command table exists in the catalog with the same method and path. */
class CommandsTableTest {

    @Test
    void everyPublishedCommandIsInTheCatalogWithItsMethodAndPath() throws Exception {
        List<String> rows = Files.readAllLines(Peers.commandsTable()).stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .toList();
        assertThat(rows).hasSize(84);

        Catalog catalog = Catalog.standard();
        for (String row : rows) {
            String[] columns = row.split("\t");
            Operation operation = catalog.find(columns[0]).orElse(null);
            assertThat(operation).as("command '%s'", columns[0]).isNotNull();
            assertThat(operation.method()).as("method of '%s'", columns[0]).isEqualTo(columns[1]);
            assertThat(operation.path()).as("path of '%s'", columns[0]).isEqualTo(columns[2]);
            assertThat(names(operation.pathParameters()))
                    .as("path parameters of '%s'", columns[0])
                    .isEqualTo(column(columns, 4).replace("*", ""));
            assertThat(names(operation.queryParameters()))
                    .as("query parameters of '%s'", columns[0])
                    .isEqualTo(column(columns, 5).replace("*", ""));
        }
        assertThat(catalog.operations()).hasSize(rows.size());
    }

    private static String column(String[] columns, int index) {
        return columns.length > index ? columns[index] : "";
    }

    private static String names(List<Field> fields) {
        return fields.stream().map(Field::name).collect(Collectors.joining(","));
    }
}
