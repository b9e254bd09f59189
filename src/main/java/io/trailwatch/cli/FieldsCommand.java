package io.trailwatch.cli;

import io.trailwatch.cloudtrail.FieldCatalog;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code trailwatch fields}: the field reference rules can use, as Markdown (the source of docs/fields.md). */
final class FieldsCommand implements Command {

    @Override
    public String name() {
        return "fields";
    }

    @Override
    public String summary() {
        return "print the event fields rules can use (Markdown)";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public Options options() {
        return new Options();
    }

    @Override
    public int run(CommandLine line, Terminal terminal) {
        terminal.out().print(FieldCatalog.markdown());
        return ExitCode.OK;
    }
}
