package io.trailwatch.generate;

import java.util.List;
import java.util.Map;

/**
 * The content of one generated CloudTrail record, before encoding: who called what, where, when and with which
 * parameters. Built by {@link EventFactory}, which draws the ids; encoded by {@link RecordEncoder}.
 */
record ApiEvent(long timeMillis, int accountIndex, String accountId, int regionIndex, String region,
                Identity identity, Client client, String eventSource, String eventName, boolean readOnly,
                Map<String, Object> requestParameters, Map<String, Object> responseElements,
                List<Map<String, Object>> resources, String errorCode, String errorMessage,
                String eventId, String requestId, String tlsHost) {

    boolean failed() {
        return errorCode != null;
    }
}
