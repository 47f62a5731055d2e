package io.exchangejdbc.ews;

import io.exchangejdbc.http.QueryControl;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The one thing the EWS client needs from HTTP: post a SOAP envelope to the {@code Server} URL
 * with the connection's credentials and hand back the answer with its body still streaming.
 *
 * <p>An implementation owns authentication (bearer tokens, and Basic, Digest, NTLM and
 * Negotiate, which answer challenges and so may send the body more than once: it comes as bytes
 * that can be sent again), the {@code Content-Type: text/xml; charset=utf-8} and {@code SOAPAction} headers, and
 * the {@code X-AnchorMailbox} header when {@link SoapRequest#anchorMailbox()} is set. It returns
 * every HTTP status to the caller (EWS reports SOAP faults with 500); it throws only when no
 * answer could be had (SQLState 08001 unreachable, 08S01 connection lost, HYT00 timeout, HY008
 * cancelled, 28000 credentials refused). Implementations are thread-safe.
 *
 * @see <a href="https://learn.microsoft.com/exchange/client-developer/exchange-web-services/authentication-and-ews-in-exchange">
 *     Authentication and EWS in Exchange</a>
 */
public interface SoapPoster extends AutoCloseable {

    /**
     * Posts one envelope.
     *
     * @param request the envelope and what the transport needs to know about it
     * @param control the cancellation state and query timeout of the statement it serves
     */
    SoapResponse post(SoapRequest request, QueryControl control) throws SQLException;

    /**
     * Holds the poster's other requests to the mailbox of {@code request} back for {@code wait},
     * as Exchange asked with {@code BackOffMilliseconds}; requests to other mailboxes go on. By
     * default nothing is held back.
     */
    default void holdOff(SoapRequest request, Duration wait) {
        // a poster without a per-mailbox scheduler has nothing to hold back
    }

    /** Releases what the poster holds (connections, tokens). */
    @Override
    void close();
}
