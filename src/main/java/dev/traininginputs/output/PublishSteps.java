package dev.traininginputs.output;

import java.io.IOException;

/**
 * Called before every step of a publish that changes the output, with the step's description ("move
 * the new dt=2025-03-11 into place"). Production runs use {@link #NONE}; tests hand in one that
 * fails, stops or pauses the publish at a chosen step.
 */
@FunctionalInterface
public interface PublishSteps {
  PublishSteps NONE = step -> {};

  void before(String step) throws IOException;
}
