package io.trailwatch.cloudtrail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code PutEventSelectors} request and says how it narrows the management events a trail logs:
 * the blind spot an attacker opens without stopping the trail.
 *
 * <p>A trail logs a management event when <em>any</em> of its selectors does, so a selector that only
 * adds data events beside one that keeps management events narrows nothing. Both kinds of selector are
 * read: basic ({@code eventSelectors}: {@code includeManagementEvents}, {@code readWriteType},
 * {@code excludeManagementEventSources}) and advanced ({@code advancedEventSelectors}: a selector logs
 * management events when its {@code eventCategory} field equals {@code Management}, only reads when its
 * {@code readOnly} field equals {@code true}, and not the sources its {@code eventSource} field
 * {@code notEquals}). Logging only writes ({@code WriteOnly}) is a common cost saving and is not reported.
 */
final class TrailSelectors {

    private TrailSelectors() {}

    /** One selector's effect on management events. */
    private record Management(boolean readsOnly, Set<String> excludedSources) {}

    /**
     * How the selectors in {@code request} narrow the trail's management events ("management events are no
     * longer logged", "write management events are no longer logged", "management events from
     * kms.amazonaws.com are no longer logged"), or null when they keep all of them or the request sets no
     * selectors.
     */
    static String narrowing(Map<String, Object> request) {
        if (request == null) {
            return null;
        }
        List<Management> kept;
        if (request.get("advancedEventSelectors") instanceof List<?> advanced) {
            kept = advanced(advanced);
        } else if (request.get("eventSelectors") instanceof List<?> basic) {
            kept = basic(basic);
        } else {
            return null;
        }
        if (kept.isEmpty()) {
            return "management events are no longer logged";
        }
        if (kept.stream().allMatch(Management::readsOnly)) {
            return "write management events are no longer logged";
        }
        Set<String> excludedEverywhere = new LinkedHashSet<>(kept.get(0).excludedSources());
        kept.forEach(m -> excludedEverywhere.retainAll(m.excludedSources()));
        return excludedEverywhere.isEmpty() ? null
                : "management events from " + String.join(", ", excludedEverywhere) + " are no longer logged";
    }

    private static List<Management> basic(List<?> selectors) {
        List<Management> kept = new ArrayList<>();
        for (Object o : selectors) {
            if (o instanceof Map<?, ?> selector && !Boolean.FALSE.equals(bool(selector.get("includeManagementEvents")))) {
                kept.add(new Management("ReadOnly".equals(selector.get("readWriteType")),
                        strings(selector.get("excludeManagementEventSources"))));
            }
        }
        return kept;
    }

    private static List<Management> advanced(List<?> selectors) {
        List<Management> kept = new ArrayList<>();
        for (Object o : selectors) {
            if (!(o instanceof Map<?, ?> selector) || !(selector.get("fieldSelectors") instanceof List<?> fields)) {
                continue;
            }
            boolean management = false;
            boolean readsOnly = false;
            Set<String> excluded = new LinkedHashSet<>();
            for (Object f : fields) {
                if (f instanceof Map<?, ?> field) {
                    Object name = field.get("field");
                    Set<String> equals = strings(field.get("equals"));
                    if ("eventCategory".equals(name)) {
                        management = equals.contains("Management");
                    } else if ("readOnly".equals(name)) {
                        readsOnly = equals.equals(Set.of("true"));
                    } else if ("eventSource".equals(name)) {
                        excluded.addAll(strings(field.get("notEquals")));
                    }
                }
            }
            if (management) {
                kept.add(new Management(readsOnly, excluded));
            }
        }
        return kept;
    }

    /** A boolean, also when the record carries it as text. */
    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value instanceof String s ? Boolean.valueOf(s.equalsIgnoreCase("true")) : null;
    }

    private static Set<String> strings(Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> {
                if (v instanceof String s && !s.isEmpty()) {
                    out.add(s);
                }
            });
        }
        return out;
    }
}
