package vn.ansinh.platform.events;

/**
 * A record that can never be applied, however often it is retried: it belongs in the
 * dead-letter topic. Handlers throw it for payloads that break the contract.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
