package io.battdat.api.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import java.io.IOException;
import java.util.Map;

/**
 * Writes a model's extra fields after its declared ones. Like pydantic's {@code exclude_none}, the flavour without
 * nulls drops an extra field whose value is null, but keeps nulls inside an extra value (a list or a map is written
 * as it is); a mapper-wide rule for map contents could not tell the two apart.
 */
final class ExtraFieldsWriter extends JsonSerializer<Map<String, Object>> {
    @Override
    public void serialize(Map<String, Object> extra, JsonGenerator gen, SerializerProvider provider)
            throws IOException {
        boolean dropNulls = provider.getConfig().getDefaultPropertyInclusion().getValueInclusion()
                == JsonInclude.Include.NON_NULL;
        for (Map.Entry<String, Object> e : extra.entrySet()) {
            if (e.getValue() != null || !dropNulls) {
                gen.writeFieldName(e.getKey());
                provider.defaultSerializeValue(e.getValue(), gen);
            }
        }
    }
}
