/**
 * The deterministic data generator that fills a store with users and mail from a seed.
 */
package io.exchangejdbc.emulator.generate;
