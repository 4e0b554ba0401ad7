package com.authlete.toolkit.declarative;

/** How a place in a resource is written in messages and diffs: {@code extension.accessTokenDuration}, {@code redirectUris[1]}. */
final class FieldPath {

    private FieldPath() {}

    static String child(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
