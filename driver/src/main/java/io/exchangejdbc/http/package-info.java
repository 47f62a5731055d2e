/** The HTTP transport to Microsoft's services: requests, timeouts, retries and their logging. */
package io.exchangejdbc.http;
