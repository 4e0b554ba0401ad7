package com.authlete.toolkit.declarative;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What differs for one resource.
 *
 * @param action  {@code CREATE} (only in a file), {@code UPDATE} (fields differ), {@code DELETE} (only on the server,
 *                when pruning) or {@code UNMANAGED} (only on the server, left alone)
 * @param kind    {@code service} or {@code client}
 * @param name    how people know it: a client's alias or name, {@code service}
 * @param file    its file, or null when it has none
 * @param id      its id on the server (client id, service id), or null for a client still to create
 * @param changes the field changes (for a new client: every field it sets; for a deleted one: none)
 * @param desired the body to send (create, update), or null
 * @param live    the resource as it was when the diff was made (canonical), for updates and deletions; apply checks
 *                that it is still so before it changes anything
 */
public record ResourceDiff(
        Action action,
        String kind,
        String name,
        String file,
        String id,
        List<FieldChange> changes,
        @JsonIgnore ObjectNode desired,
        @JsonIgnore ObjectNode live) {

    public enum Action {
        CREATE,
        UPDATE,
        DELETE,
        UNMANAGED
    }

    public ResourceDiff {
        changes = List.copyOf(changes);
    }
}
