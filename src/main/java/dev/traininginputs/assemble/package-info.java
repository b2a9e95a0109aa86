/**
 * From parsed records to one element per customer: actions that no impression day can use dropped,
 * each customer's actions bounded losslessly, and the join with the customer's impression rows.
 */
package dev.traininginputs.assemble;
