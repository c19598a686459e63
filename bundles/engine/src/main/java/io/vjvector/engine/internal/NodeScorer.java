package io.vjvector.engine.internal;

/** The distance of a query to a stored slot, smaller is closer; only compared, never returned. */
@FunctionalInterface
interface NodeScorer {
  float distance(int slot);
}
