/**
 * Turns impressions and customer actions into transformer training inputs (SPEC.md): {@link
 * dev.traininginputs.TrainingInputsPipeline} is the graph, {@link
 * dev.traininginputs.TrainingInputsJob} the driver's steps around it, and each subpackage one stage
 * of the data flow.
 */
package dev.traininginputs;
