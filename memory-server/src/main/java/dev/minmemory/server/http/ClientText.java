package dev.minmemory.server.http;

/** Text a client chose (session ids, header values, names), shortened before it goes into a log line. */
public final class ClientText {

    private static final int SHOWN = 64;

    private ClientText() {
    }

    public static String truncated(String text) {
        if (text == null || text.length() <= SHOWN) {
            return text;
        }
        return text.substring(0, SHOWN) + "…(" + text.length() + " characters)";
    }
}
