package com.authlete.toolkit.cli.builtin;

import com.authlete.toolkit.cli.CliException;
import com.authlete.toolkit.cli.completion.BashScript;
import com.authlete.toolkit.cli.completion.CompletionModel;
import com.authlete.toolkit.cli.completion.FishScript;
import com.authlete.toolkit.cli.completion.PowerShellScript;
import com.authlete.toolkit.cli.completion.ZshScript;
import com.authlete.toolkit.core.catalog.Catalog;
import com.github.rvesse.airline.annotations.AirlineModule;
import com.github.rvesse.airline.annotations.Arguments;
import com.github.rvesse.airline.annotations.Command;
import java.util.List;

@Command(name = "completion", description = "Print the shell completion script for bash, zsh, fish or powershell")
public final class CompletionCommand extends BuiltinCommand {

    @AirlineModule
    DebugOption debug = new DebugOption();

    @Arguments(title = "shell", description = "bash, zsh, fish or powershell")
    List<String> shell;

    @Override
    public void run(CommandContext context) throws CliException {
        if (shell == null || shell.size() != 1) {
            throw CliException.usage("give one shell: authlete completion bash|zsh|fish|powershell");
        }
        CompletionModel model = CompletionModel.build(context.commands(), Catalog.standard());
        String script = switch (shell.get(0)) {
            case "bash" -> BashScript.write(model);
            case "zsh" -> ZshScript.write(model);
            case "fish" -> FishScript.write(model);
            case "powershell", "pwsh" -> PowerShellScript.write(model);
            default ->
                throw CliException.usage("unknown shell '" + shell.get(0) + "'; use bash, zsh, fish or powershell");
        };
        context.out().print(script);
        context.out().flush();
    }
}
