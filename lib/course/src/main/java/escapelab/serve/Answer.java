package escapelab.serve;

/**
 * A server's answer to one request.
 *
 * @param status the HTTP status, such as 200 or 413
 * @param body the response body as text
 */
public record Answer(int status, String body) {
}
