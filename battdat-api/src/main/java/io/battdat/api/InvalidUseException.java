package io.battdat.api;

/**
 * The API was called wrongly: an option or argument out of range or inconsistent (a negative batch size, a row range
 * that ends before it starts, an empty key list), or a call its object's state does not allow (a write after
 * close). The message names the option and the value given, or the state.
 */
public class InvalidUseException extends BattdatException {
    private static final long serialVersionUID = 1L;

    /** An error about the caller's arguments or calls; no file or table is involved. */
    public InvalidUseException(String message) {
        super(ErrorLocation.NONE, message, null);
    }
}
