package io.vjvector.rest.internal;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import javax.ws.rs.ext.Provider;
import org.osgi.service.component.annotations.Component;

/** JSON reading and writing for the application, with the strict mapper of {@link Json}. */
@Component(service = JsonProvider.class)
@Provider
public class JsonProvider extends JacksonJsonProvider {
  /** Creates the provider. */
  public JsonProvider() {
    super(Json.newMapper());
  }
}
