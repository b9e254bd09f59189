package io.trailwatch.generate;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Fluent builder of one {@link ApiEvent}; {@link #build} draws its eventID, requestID and TLS details. */
final class Call {

    private static final double TLS_SHARE = 0.7;
    private final World world;
    private final long timeMillis;
    private final int accountIndex;
    private final Identity identity;
    private final Client client;
    private final String service;
    private final String eventName;
    private int regionIndex;
    private boolean readOnly;
    private Map<String, Object> request;
    private Map<String, Object> response;
    private List<Map<String, Object>> resources;
    private String errorCode;
    private String errorMessage;

    Call(World world, long timeMillis, int accountIndex, int regionIndex, Identity identity, Client client,
         String service, String eventName) {
        this.world = world;
        this.timeMillis = timeMillis;
        this.accountIndex = accountIndex;
        this.regionIndex = regionIndex;
        this.identity = identity;
        this.client = client;
        this.service = service;
        this.eventName = eventName;
        this.readOnly = eventName.startsWith("Describe") || eventName.startsWith("List") || eventName.startsWith("Get")
                || eventName.equals("LookupEvents") || eventName.equals("Decrypt") || eventName.equals("AssumeRole");
    }

    /** The IAM action this call performs, as access-denied messages name it ({@code ec2:DeleteVolume}). */
    String action() {
        return service + ":" + eventName;
    }

    Call readOnly(boolean value) {
        this.readOnly = value;
        return this;
    }

    Call request(Map<String, Object> value) {
        this.request = value;
        return this;
    }

    Call response(Map<String, Object> value) {
        this.response = value;
        return this;
    }

    Call resources(List<Map<String, Object>> value) {
        this.resources = value;
        return this;
    }

    Call region(int value) {
        this.regionIndex = value;
        return this;
    }

    /** Marks the call as failed; CloudTrail then records no response elements. */
    Call error(String code, String message) {
        this.errorCode = code;
        this.errorMessage = message;
        return this;
    }

    ApiEvent build(SplittableRandom rng) {
        Service svc = ApiCatalog.SERVICES.get(service);
        boolean global = svc != null && svc.global();
        int region = global ? 0 : regionIndex;
        String regionName = world.regions().get(region);
        String host = global ? service + ".amazonaws.com" : service + "." + regionName + ".amazonaws.com";
        String eventId = Ids.uuid(rng);
        String requestId = Ids.uuid(rng);
        boolean tls = !identity.isService() && rng.nextDouble() < TLS_SHARE;
        return new ApiEvent(timeMillis, accountIndex, world.accounts().get(accountIndex).id(), region, regionName,
                identity, client, service + ".amazonaws.com", eventName, readOnly, request, response, resources,
                errorCode, errorMessage, eventId, requestId, tls ? host : null);
    }
}
