package com.authlete.toolkit.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogSliceTest {

    @Test
    void theStreamingReaderReadsWhatDataBindingReads() throws Exception {
        try (var in = Catalog.class.getResourceAsStream(Catalog.RESOURCE)) {
            Catalog bound = Catalog.read(in);
            assertThat(Catalog.standard()).isEqualTo(bound);
            assertThat(bound.operations()).hasSizeGreaterThan(80);
        }
    }

    @Test
    void aSliceHoldsExactlyWhatTheFullCatalogSaysAboutItsCommand() {
        Catalog full = Catalog.standard();
        for (Operation operation : full.operations()) {
            Catalog slice = Catalog.forCommand(operation.command());
            assertThat(slice.operations()).as(operation.command()).containsExactly(operation);
            assertThat(slice.servers()).isEqualTo(full.servers());
            assertThat(slice.apiVersion()).isEqualTo(full.apiVersion());
        }
        assertThat(Catalog.forCommand("no such command").operations()).isEmpty();
    }
}
