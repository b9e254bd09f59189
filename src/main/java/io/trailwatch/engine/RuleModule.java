package io.trailwatch.engine;

import com.espertech.esper.common.client.EPCompiled;

/**
 * One compiled module of a {@link RulePack} and what identifies its version, so a hot reload redeploys
 * only the modules whose text changed.
 *
 * @param file     the module file as users see it ({@code epl/iam/x.epl})
 * @param textHash SHA-256 of the module text, hex
 * @param base     whether other modules {@code uses} it (its redeployment forces theirs)
 * @param compiled the compiled module
 */
record RuleModule(String file, String textHash, boolean base, EPCompiled compiled) {

    /** Identity across packs: the same file with the same text. */
    String key() {
        return file + "#" + textHash;
    }
}
