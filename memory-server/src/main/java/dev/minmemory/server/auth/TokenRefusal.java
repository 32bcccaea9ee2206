package dev.minmemory.server.auth;

/** Why a bearer token was refused, for the log: the failure and its causes, never the token itself. */
final class TokenRefusal {

    private TokenRefusal() {
    }

    static String reason(Throwable failure) {
        StringBuilder reason = new StringBuilder();
        for (Throwable cause = failure; cause != null && reason.length() < 500; cause = cause.getCause()) {
            if (!reason.isEmpty()) {
                reason.append(" <- ");
            }
            reason.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                String message = cause.getMessage();
                reason.append(": ").append(message.length() > 200 ? message.substring(0, 200) + "…" : message);
            }
        }
        return reason.toString();
    }
}
