/**
 * The command line: help, the runners' defaults, progress lines, the summary, one-line errors and
 * exit codes. Nothing below it knows about a terminal.
 */
package dev.traininginputs.cli;
