/**
 * Network settings shared by every transport of a connection: which server certificates are
 * trusted ({@code SSLServerCert}) and which proxy requests go through ({@code ProxyServer} and
 * its companions).
 */
package io.exchangejdbc.http.net;
