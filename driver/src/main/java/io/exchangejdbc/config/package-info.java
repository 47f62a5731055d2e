/**
 * The connection-string parser and the one catalog of every connection property, from which
 * validation, {@code Driver.getPropertyInfo} and the property reference of the README all come.
 */
package io.exchangejdbc.config;
