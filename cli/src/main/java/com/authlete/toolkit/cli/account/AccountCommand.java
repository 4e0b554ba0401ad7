package com.authlete.toolkit.cli.account;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.core.AuthleteException;
import com.github.rvesse.airline.HelpOption;
import com.github.rvesse.airline.annotations.AirlineModule;

/** Base of the hand-written commands that manage credentials and settings (not API operations). */
public abstract class AccountCommand {

    @AirlineModule
    public HelpOption<AccountCommand> help = new HelpOption<>();

    public abstract void run(AccountContext context) throws CliException, CredentialsException, AuthleteException;

    /** The exit status after a {@link #run} that did not fail: 0, or what the command reports ({@code diff}: 1 when different). */
    public int status() {
        return 0;
    }
}
