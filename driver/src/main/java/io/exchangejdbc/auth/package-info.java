/** Access tokens for Microsoft Graph, one provider per supported authentication scheme. */
package io.exchangejdbc.auth;
