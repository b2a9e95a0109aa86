/** The value types that cross the pipeline, each with its compact deterministic coder. */
package dev.traininginputs.model;
