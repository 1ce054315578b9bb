/**
 * The page model (pages, sections, blocks: text, notes, figures, tables, cards) and its rendering to static
 * HTML with Pebble templates (auto-escaping on, strict variables), CSV files for every table and the style
 * sheet.
 */
package org.drugstats.reports.html;
