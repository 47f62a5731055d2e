/** The driver's own log: the {@code Logfile} appender, verbosity levels and secret redaction. */
package io.exchangejdbc.log;
