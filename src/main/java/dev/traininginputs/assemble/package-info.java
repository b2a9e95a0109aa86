/**
 * From parsed records to one group per customer: the built days and their sizes, the impressed
 * customers, the actions that can be in no history dropped, and the grouping of each customer's
 * impression rows with its usable actions.
 */
package dev.traininginputs.assemble;
