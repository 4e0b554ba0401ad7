package com.authlete.toolkit.cli.builtin;

import com.github.rvesse.airline.annotations.Option;

/**
 * {@code --debug} for the commands that do not talk to a server (the others take it with the network flags): it
 * shows stack traces on errors, so that the flag works the same in every command.
 */
public final class DebugOption {

    @Option(name = "--debug", description = "Print stack traces on errors.")
    boolean debug;
}
