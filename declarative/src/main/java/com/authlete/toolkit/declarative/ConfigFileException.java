package com.authlete.toolkit.declarative;

/**
 * A file of a configuration directory that cannot be used: its message is one line naming the file and the place
 * in it ({@code clients/web.yaml: redirectUris[1]: expected a string, got a number}).
 */
public final class ConfigFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String path;

    public ConfigFileException(String file, String path, String problem) {
        super(file + (path == null || path.isEmpty() ? "" : ": " + path) + ": " + problem);
        this.file = file;
        this.path = path;
    }

    /** The file, relative to the configuration directory. */
    public String file() {
        return file;
    }

    /** The place in it ({@code extension.accessTokenDuration}, {@code redirectUris[1]}), or empty for the whole file. */
    public String path() {
        return path == null ? "" : path;
    }
}
