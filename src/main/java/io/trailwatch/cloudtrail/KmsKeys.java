package io.trailwatch.cloudtrail;

import java.util.List;
import java.util.Map;

/**
 * The KMS key a {@code kms.amazonaws.com} call acts on, as its bare key id, so that calls naming the key by id
 * and calls naming it by ARN join. A multi-Region key and its replicas share one id ({@code mrk-...}); only the
 * Region tells them apart.
 */
final class KmsKeys {

    static final String EVENT_SOURCE = "kms.amazonaws.com";
    private static final String KEY_PATH = ":key/";

    private KmsKeys() {}

    /**
     * {@code requestParameters.keyId} as a bare id (a key ARN's prefix removed), else the id in the first key ARN of
     * {@code resources} (calls that name the key by alias); null when neither names a key.
     */
    static String keyId(Map<String, Object> requestParameters, List<String> resourceArns) {
        String requested = bareId(JsonValues.string(requestParameters, "keyId"));
        if (requested != null) {
            return requested;
        }
        if (resourceArns != null) {
            for (String arn : resourceArns) {
                String id = arn.startsWith("arn:") ? bareId(arn) : null;
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    /** {@code 1234abcd-...} from itself or from {@code arn:aws:kms:REGION:ACCOUNT:key/1234abcd-...}; null for aliases. */
    private static String bareId(String keyId) {
        if (keyId == null || keyId.isEmpty() || keyId.startsWith("alias/")) {
            return null;
        }
        if (!keyId.startsWith("arn:")) {
            return keyId;
        }
        int at = keyId.indexOf(KEY_PATH);
        return at < 0 || !keyId.contains(":kms:") || at + KEY_PATH.length() == keyId.length()
                ? null : keyId.substring(at + KEY_PATH.length());
    }
}
