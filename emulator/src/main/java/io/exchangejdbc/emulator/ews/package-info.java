/**
 * The emulator's Exchange Web Services front: SOAP 1.1 at {@code /EWS/Exchange.asmx} over the
 * same store as the Graph front, read and written with StAX.
 */
package io.exchangejdbc.emulator.ews;
