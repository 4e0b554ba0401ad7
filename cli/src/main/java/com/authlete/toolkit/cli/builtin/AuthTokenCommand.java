package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.ExitCode;
import com.authlete.toolkit.cli.NetworkOptions;
import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.credentials.CredentialStore;
import com.authlete.toolkit.credentials.CredentialsException;
import com.authlete.toolkit.credentials.ResolvedToken;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.credentials.connect.CredentialChain;
import com.authlete.toolkit.render.OutputFormat;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Command;

@Command(name = "token", description = "Print the token the other commands would use, for scripts")
public final class AuthTokenCommand extends BuiltinCommand {

    @AirlineModule
    ProfileTarget target = new ProfileTarget();

    /** A stored OAuth login may be renewed on the way: that talks to its authorization server. */
    @AirlineModule
    NetworkOptions network = new NetworkOptions();

    @AirlineModule
    AnswerFormat format = new AnswerFormat();

    @Override
    public void run(CommandContext context) throws CliException, CredentialsException, AuthleteException {
        OutputFormat outputFormat = format.chosen();
        Settings settings = Settings.load(target.asFlags(), context.environment(), context.workingDirectory());
        CredentialStore.requireKnownProfile(settings, context.environment());
        ResolvedToken token = AuthStatusCommand.resolve(settings, context, network)
                .orElseThrow(() -> new CliException(
                        ExitCode.NOT_AUTHENTICATED,
                        "no API token: run 'authlete auth login' or set " + CredentialChain.BEARER_ENV));
        if (outputFormat == null) {
            context.out().println(token.token());
            return;
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("token", token.token());
        answer.put("profile", settings.profile());
        answer.put("source", token.origin());
        AnswerFormat.print(outputFormat, answer, context.out());
    }
}
