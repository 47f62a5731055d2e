/**
 * HTTP for Exchange Server on premises: a small HTTP/1.1 client of the connection's own (so that
 * connection-oriented sign-ins such as NTLM and Negotiate stay on the connection's own sockets and
 * never mix with another connection's), the sign-in schemes Basic, Digest (RFC 7616), NTLM
 * (NTLMv2) and Negotiate (SPNEGO with Kerberos), server certificate trust ({@code SSLServerCert})
 * and HTTP proxies with their own sign-in.
 *
 * <p>{@link io.exchangejdbc.http.onprem.OnPremTransport} is the entry point: it posts a buffered
 * body (an EWS SOAP request) and answers challenges until the server accepts or refuses.
 * {@link io.exchangejdbc.http.onprem.OnPremWire} puts it under a connection's
 * {@link io.exchangejdbc.http.Transport}, which keeps its request policy for EWS.
 */
package io.exchangejdbc.http.onprem;
