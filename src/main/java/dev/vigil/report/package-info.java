/**
 * The building blocks of Vigil's self-contained HTML reports (training and evaluation): the page
 * skeleton, table rows, HTML escaping and inline-SVG plots. No scripts, no external resources; depends
 * on no other Vigil package.
 */
package dev.vigil.report;
