package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/fields.md is generated; this keeps it from drifting from the @Field annotations. */
class FieldsDocTest {

    @Test
    void fieldsDocMatchesTheAnnotations() throws IOException {
        String onDisk = Files.readString(Path.of("docs", "fields.md"), StandardCharsets.UTF_8);
        assertEquals(FieldCatalog.markdown(), onDisk, "docs/fields.md is out of date with CloudTrailEvent's @Field "
                + "annotations; regenerate it with `trailwatch fields > docs/fields.md` (or write FieldCatalog.markdown() to it)");
    }
}
