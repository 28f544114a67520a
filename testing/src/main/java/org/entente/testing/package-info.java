/**
 * Entente's test kit: a JUnit Jupiter extension that gives a test a fresh in-memory {@code Entente},
 * a given/when/then scenario DSL, and AssertJ assertions for the read models.
 */
package org.entente.testing;
