package com.authlete.toolkit.declarative;

import java.util.function.UnaryOperator;

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

    private ConfigFileException(String message, String file, String path, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.path = path;
    }

    /** The same problem with its message passed through {@code mask} (values substituted into the file hidden). */
    public ConfigFileException masked(UnaryOperator<String> mask) {
        return new ConfigFileException(mask.apply(getMessage()), file, path, null);
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
