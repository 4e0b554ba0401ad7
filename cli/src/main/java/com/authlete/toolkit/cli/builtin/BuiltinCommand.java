package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.credentials.CredentialsException;
import com.github.rvesse.airline.HelpOption;
import com.github.rvesse.airline.annotations.AirlineModule;

/**
 * Base of the hand-written commands beside the generated operation commands: credentials and settings (auth,
 * configure, link), the declarative workflow (export, diff, apply), the MCP server and shell completion.
 */
public abstract class BuiltinCommand {

    @AirlineModule
    public HelpOption<BuiltinCommand> help = new HelpOption<>();

    public abstract void run(CommandContext context) throws CliException, CredentialsException, AuthleteException;

    /** The exit status after a {@link #run} that did not fail: 0, or what the command reports ({@code diff}: 1 when different). */
    public int status() {
        return 0;
    }
}
