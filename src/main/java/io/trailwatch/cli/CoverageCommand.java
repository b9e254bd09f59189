package io.trailwatch.cli;

import io.trailwatch.engine.RulePack;
import io.trailwatch.ruletest.TechniqueCoverage;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code trailwatch coverage [RULES_DIR] [--navigator FILE]}: the ATT&CK ids the pack covers as a Markdown
 * table on stdout, and optionally an ATT&CK Navigator layer of them.
 */
final class CoverageCommand implements Command {

    @Override
    public String name() {
        return "coverage";
    }

    @Override
    public String summary() {
        return "table of ATT&CK techniques the rules cover; --navigator FILE writes a Navigator layer";
    }

    @Override
    public String usage() {
        return "[options] [RULES_DIR]   (default: ./epl)";
    }

    @Override
    public int maxArguments() {
        return 1;
    }

    @Override
    public Options options() {
        return new Options().addOption(Option.builder().longOpt("navigator").hasArg().argName("FILE")
                .desc("also write an ATT&CK Navigator layer (JSON) to FILE").build());
    }

    @Override
    public int run(CommandLine line, Terminal terminal) throws Exception {
        RulePack pack = RuleErrors.load(RulesArgument.resolve(line.getArgList()));
        TechniqueCoverage coverage = new TechniqueCoverage(pack.rules());
        terminal.out().print(coverage.markdownTable());
        if (line.hasOption("navigator")) {
            Path file = Path.of(line.getOptionValue("navigator"));
            coverage.writeNavigatorLayer(file, "Trailwatch rules (" + pack.directory() + ")");
            terminal.err().println("wrote ATT&CK Navigator layer of " + coverage.rulesByTechnique().size()
                    + " id(s) to " + file);
        }
        return ExitCode.OK;
    }
}
