package io.vjvector.rest.internal;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** JSON reading and writing for the application, with the strict mapper of {@link Json}. */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName(JsonProvider.NAME)
@JaxrsMediaType("application/json")
@JaxrsApplicationSelect(RestApplication.SELECT)
public class JsonProvider extends JacksonJsonProvider {
  static final String NAME = "vjvector.json";

  /** Creates the provider. */
  public JsonProvider() {
    super(Json.newMapper());
  }
}
