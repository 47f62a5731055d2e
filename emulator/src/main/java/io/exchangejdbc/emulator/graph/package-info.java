/**
 * The Microsoft Graph v1.0 front: routes, authorization, entity models and JSON rendering of
 * users, mail folders and messages.
 */
package io.exchangejdbc.emulator.graph;
