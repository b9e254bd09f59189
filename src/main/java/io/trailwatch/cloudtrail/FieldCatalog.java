package io.trailwatch.cloudtrail;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The rule-visible fields of {@link CloudTrailEvent}, read from its {@link Field} annotations. */
public final class FieldCatalog {

    /** One field: its EPL property name, Java type name, description and whether it is derived. */
    public record Entry(String name, String type, String description, boolean derived) {}

    private static final List<Entry> ENTRIES = load();

    private FieldCatalog() {}

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static boolean contains(String name) {
        return ENTRIES.stream().anyMatch(e -> e.name().equals(name));
    }

    /** The field reference as Markdown; docs/fields.md must equal this (a test checks it). */
    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Event fields\n\n")
          .append("Generated from the `@Field` annotations of `CloudTrailEvent`; do not edit by hand ")
          .append("(run `trailwatch fields > docs/fields.md`).\n")
          .append("Rules see one event type, `CloudTrail`, with these properties. Derived fields are ")
          .append("computed once at decode time.\n\n")
          .append("| field | type | derived | description |\n|---|---|---|---|\n");
        for (Entry e : ENTRIES) {
            sb.append("| `").append(e.name()).append("` | ").append(e.type()).append(" | ")
              .append(e.derived() ? "yes" : "").append(" | ").append(e.description()).append(" |\n");
        }
        return sb.toString();
    }

    private static List<Entry> load() {
        List<Entry> out = new ArrayList<>();
        for (Method m : CloudTrailEvent.class.getMethods()) {
            Field f = m.getAnnotation(Field.class);
            if (f == null) {
                continue;
            }
            out.add(new Entry(propertyName(m.getName()), m.getReturnType().getSimpleName(), f.value(), f.derived()));
        }
        out.sort(Comparator.comparing(Entry::name));
        return List.copyOf(out);
    }

    private static String propertyName(String getter) {
        String bare = getter.startsWith("get") ? getter.substring(3) : getter.substring(2);
        return Introspector.decapitalize(bare);
    }
}
