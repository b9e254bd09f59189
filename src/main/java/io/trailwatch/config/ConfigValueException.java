package io.trailwatch.config;

/**
 * A value a configuration record refuses, naming its key: the error then points at the line of that key, not
 * at the start of the record that holds it. The message is the key, a space and the problem.
 */
public final class ConfigValueException extends IllegalArgumentException {

    private final String key;

    /**
     * @param key     the key as written in the file, e.g. {@code ignoreOlder}
     * @param problem what is wrong and the fix, e.g. {@code PT10M is below the minimum PT1H (raise it)}
     */
    public ConfigValueException(String key, String problem) {
        super(key + " " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
