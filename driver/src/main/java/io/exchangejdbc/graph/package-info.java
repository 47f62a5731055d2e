/**
 * The Microsoft Graph client: the OData query model and its rendering, paging over
 * {@code @odata.nextLink}, and the streaming reading of JSON pages into rows.
 */
package io.exchangejdbc.graph;
