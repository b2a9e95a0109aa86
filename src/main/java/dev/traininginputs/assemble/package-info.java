/**
 * From parsed records to one element per customer: impressions exploded into items, actions that no
 * impression day can use dropped, each customer's actions bounded losslessly, and the join by
 * customer.
 */
package dev.traininginputs.assemble;
