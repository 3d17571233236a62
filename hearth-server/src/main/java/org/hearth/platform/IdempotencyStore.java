package org.hearth.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the idempotency filter keeps the first answer to each key. The embedded default keeps it in
 * memory; a cluster plugs in a shared store (Redis) by declaring its own bean of this type.
 *
 * <p>Implementations must make {@link #begin} atomic per scope and key: two concurrent calls must not
 * both get {@link Claim.Started}.
 */
public interface IdempotencyStore {

    /**
     * Claims a key for a request with the given fingerprint, or reports what is already known of it.
     *
     * @param scope whose key this is (the principal's name), so one caller cannot replay another's
     * @param key the client's {@code Idempotency-Key}
     * @param fingerprint a hash of the method, path and body
     */
    Claim begin(String scope, String key, byte[] fingerprint);

    /** Records the answer for a key claimed with {@link #begin}; later claims replay it. */
    void complete(String scope, String key, StoredResponse response);

    /** Releases a claim without an answer (the request failed on the server), so a retry runs again. */
    void abandon(String scope, String key);

    /** What {@link #begin} found. */
    sealed interface Claim {
        /** The key is new and now claimed by the caller, who must complete or abandon it. */
        record Started() implements Claim {}

        /** The key was used before for the same request: replay this answer. */
        record Replay(StoredResponse response) implements Claim {}

        /** The key was used before for a different request. */
        record Mismatch() implements Claim {}

        /** The key is claimed by a request that has not finished yet. */
        record InFlight() implements Claim {}
    }

    /**
     * A first answer, as replayed.
     *
     * @param status the HTTP status
     * @param headers the replayed headers (content type and location)
     * @param body the body bytes
     */
    record StoredResponse(int status, Map<String, List<String>> headers, byte[] body) {
        public StoredResponse {
            headers = Map.copyOf(headers);
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredResponse that
                    && status == that.status
                    && headers.equals(that.headers)
                    && Arrays.equals(body, that.body);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            // Bodies may hold member content and must never reach a log.
            return "StoredResponse[status=" + status + ", headers=" + headers + ", body=" + body.length + " bytes]";
        }
    }
}
