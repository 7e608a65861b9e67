package org.controlroom.store.postgres;

import org.controlroom.store.StoreException;

/** The server could not be reached (or the connection was lost) for as long as retrying is allowed. */
final class ServerUnreachableException extends StoreException {

    ServerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
