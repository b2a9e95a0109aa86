/** A generator of realistic test data with every nasty case, for tests, benchmarks and demos. */
package dev.traininginputs.generate;
