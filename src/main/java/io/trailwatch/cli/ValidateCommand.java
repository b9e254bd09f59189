package io.trailwatch.cli;

import io.trailwatch.alert.RuleInfo;
import io.trailwatch.engine.RuleLoadException;
import io.trailwatch.engine.RulePack;
import io.trailwatch.engine.RuleProblem;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code trailwatch validate [DIR]}: compiles every module of the rule pack and checks its metadata (required
 * annotations, ids unique and equal to file names, ATT&CK ids well formed, windows and lookbacks covering the spans
 * modules write). Prints one {@code file:line: message} line per problem on stdout and exits 1 when there is any;
 * else one line per rule on stderr with its window, and its lookback when a module it uses reaches further back.
 */
final class ValidateCommand implements Command {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "compile the rule pack and check its metadata; file:line: problems, exit 1 on any";
    }

    @Override
    public String usage() {
        return "[RULES_DIR]   (default: ./epl)";
    }

    @Override
    public int maxArguments() {
        return 1;
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws UsageException {
        Path dir = RulesArgument.resolve(line.getArgList());
        try {
            RulePack pack = RulePack.load(dir);
            for (RuleInfo rule : pack.rules()) {
                terminal.err().println("ok   " + rule.source() + "  " + rule.id() + " " + rule.techniques() + "  "
                        + pack.windows(rule.id()).describe());
            }
            terminal.err().println(pack.rules().size() + " rule(s) valid in " + dir);
            return ExitCode.OK;
        } catch (RuleLoadException e) {
            e.problems().stream().map(RuleProblem::toString).forEach(terminal.out()::println);
            terminal.err().println(e.problems().size() + " problem(s) in " + dir);
            return ExitCode.FAILURES;
        }
    }
}
