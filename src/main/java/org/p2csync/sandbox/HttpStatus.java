package org.p2csync.sandbox;

/** Reason phrases for the statuses the sandbox sends, for $batch status lines. */
final class HttpStatus {
    private HttpStatus() {}

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            default -> "Status " + status;
        };
    }
}
