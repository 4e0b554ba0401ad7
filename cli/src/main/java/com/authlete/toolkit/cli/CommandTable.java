package com.authlete.toolkit.cli;

import java.util.List;

/**
 * Every command of the CLI and the class of each, as the router knows them: handed to what lists or describes
 * commands (completion, the reference pages, {@code authlete completion}) so that they need not know the router.
 */
public interface CommandTable {

    /** Every command: operations first, then the built-in commands. */
    List<CommandEntry> commands();

    /** The class of the command with these words, or null. */
    Class<?> commandClass(String words);
}
