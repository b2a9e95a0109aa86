package dev.traininginputs.stats;

import java.io.Serializable;

/** A partial figure that other partial figures of the same kind can be merged into. */
public interface Mergeable<A extends Mergeable<A>> extends Serializable {

  void mergeFrom(A other);
}
