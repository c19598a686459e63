package io.vjvector.rest.internal;

import io.vjvector.engine.EngineKeys;
import io.vjvector.engine.VectorEngine;
import io.vjvector.sdk.error.ErrorType;
import io.vjvector.sdk.error.VjvException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Holds the engine while it is there. The REST API stays registered while the engine bundle is
 * updated or restarted, and answers 503 in the meantime instead of disappearing (404) or failing
 * with 500s.
 */
@Component(service = EngineGate.class)
public class EngineGate {
  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile VectorEngine engine;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile EngineKeys keys;

  /**
   * The engine's encryption keys.
   *
   * @return the key service
   * @throws VjvException {@code UNAVAILABLE} while the engine is not registered
   */
  EngineKeys keys() {
    EngineKeys k = keys;
    if (k == null) {
      throw new VjvException(ErrorType.UNAVAILABLE, "the engine is starting or being updated");
    }
    return k;
  }

  /**
   * The engine.
   *
   * @return the engine
   * @throws VjvException {@code UNAVAILABLE} while no engine is registered
   */
  VectorEngine engine() {
    VectorEngine e = engine;
    if (e == null) {
      throw new VjvException(ErrorType.UNAVAILABLE, "the engine is starting or being updated");
    }
    return e;
  }

  boolean ready() {
    return engine != null;
  }
}
