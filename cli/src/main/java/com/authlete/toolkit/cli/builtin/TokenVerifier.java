package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.ExitCode;
import com.authlete.toolkit.cli.NetworkOptions;
import com.authlete.toolkit.cli.TransportSetup;
import com.authlete.toolkit.core.AuthleteException;
import com.authlete.toolkit.core.ErrorCategory;
import com.authlete.toolkit.core.catalog.Catalog;
import com.authlete.toolkit.credentials.ServerChoice;
import com.authlete.toolkit.credentials.Settings;
import com.authlete.toolkit.credentials.TokenCheck;
import com.authlete.toolkit.transport.HttpTransport;

/**
 * {@code auth login} and {@code configure}: the library's {@link TokenCheck} over a transport set up as for any API
 * command (proxies, CA bundle, time limits, retries, the debug log), its failures as exit codes. A token the server
 * rejects is never stored.
 */
final class TokenVerifier {

    private TokenVerifier() {}

    static void verify(String token, Settings settings, CommandContext context, NetworkOptions network)
            throws CliException {
        try (HttpTransport http = TransportSetup.build(
                network,
                context.environment(),
                ServerChoice.baseUrl(settings, Catalog.standardServers()),
                token,
                context.version(),
                context.err())) {
            TokenCheck.check(http, settings.get("service-id").orElse(null));
        } catch (AuthleteException e) {
            if (e.category() == ErrorCategory.NOT_AUTHENTICATED || e.category() == ErrorCategory.FORBIDDEN) {
                throw new CliException(
                        ExitCode.NOT_AUTHENTICATED,
                        "the API rejected this token (" + e.getMessage() + "); nothing was stored");
            }
            throw new CliException(
                    ExitCode.of(e.category()), "could not check the token: " + e.getMessage() + "; nothing was stored");
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    /**
     * {@code auth status}: what the server says of the token now, in words: "valid", "rejected (HTTP 401)", or
     * "not checked (...)" when the server cannot be reached. Never fails.
     */
    static String describe(String token, Settings settings, CommandContext context, NetworkOptions network) {
        try (HttpTransport http = TransportSetup.build(
                network,
                context.environment(),
                ServerChoice.baseUrl(settings, Catalog.standardServers()),
                token,
                context.version(),
                context.err())) {
            TokenCheck.check(http, settings.get("service-id").orElse(null));
            return "valid";
        } catch (AuthleteException e) {
            if (e.category() == ErrorCategory.NOT_AUTHENTICATED || e.category() == ErrorCategory.FORBIDDEN) {
                return "rejected (HTTP " + e.status() + ")";
            }
            return "not checked (" + (e.category() == ErrorCategory.NETWORK ? "offline: " : "") + e.getMessage() + ")";
        } catch (IllegalArgumentException | CliException e) {
            return "not checked (" + e.getMessage() + ")";
        }
    }
}
