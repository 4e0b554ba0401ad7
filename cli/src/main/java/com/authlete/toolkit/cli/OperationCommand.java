package com.authlete.toolkit.cli;

import com.authlete.toolkit.core.request.RequestBuilder;
import com.github.rvesse.airline.HelpOption;
import com.github.rvesse.airline.annotations.AirlineModule;

/**
 * Base of the generated command classes, one per catalog operation. A generated class declares one Airline
 * option per parameter and body field and hands their values to the request builder; everything else is here
 * and in {@link OperationRunner}.
 */
public abstract class OperationCommand {

    @AirlineModule
    GlobalOptions global = new GlobalOptions();

    @AirlineModule
    HelpOption<OperationCommand> help = new HelpOption<>();

    /** The command words, as in the catalog. */
    public abstract String command();

    /** Passes the parsed flag values (null when absent) to the request builder. */
    protected abstract void collect(RequestBuilder request);

    public GlobalOptions global() {
        return global;
    }

    boolean helpRequested() {
        return help.help;
    }
}
