package io.trailwatch.generate;

/** Where a call came from: {@code sourceIPAddress} (an IP or a service name) and {@code userAgent}. */
record Client(String sourceIp, String userAgent) {

    static Client service(String serviceHost) {
        return new Client(serviceHost, serviceHost);
    }
}
