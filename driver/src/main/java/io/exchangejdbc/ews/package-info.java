/**
 * The Exchange Web Services client: SOAP envelopes written and read with StAX, the operations
 * (FindItem, GetItem, FindFolder, CreateItem, ...), Restriction rendering, paging and the reading
 * of items into rows.
 */
package io.exchangejdbc.ews;
