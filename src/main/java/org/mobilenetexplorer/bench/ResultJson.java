package org.mobilenetexplorer.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.InvalidConfigException;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.MobileNetConfig;

/**
 * The one Jackson mapper for benchmark JSON (result files, worker messages). A configuration is written in the
 * preset shape: {@code {"family": "v1", "alpha": 0.75, "resolution": 192, "classes": 1000, "rounding": "slim",
 * "blocks14": 5, "standardConv": false, "activation": "relu6", "label": "0.75-192"}} (V1's knobs only for V1,
 * {@code minimalistic} only for V3: {@code {"family": "v3-small", "minimalistic": true, ..., "label":
 * "v3-small-min 1.0-224"}}); on reading, every field but alpha and resolution is optional (no family: V1, as files
 * written before families existed) and {@code label} is ignored (it is derived).
 */
public final class ResultJson {
    private ResultJson() {
    }

    /** A new mapper (cheap enough; callers keep one). */
    public static ObjectMapper mapper() {
        SimpleModule m = new SimpleModule("mobilenet-explorer-bench");
        m.addSerializer(MobileNetConfig.class, new ConfigSerializer());
        m.addDeserializer(MobileNetConfig.class, new ConfigDeserializer());
        return JsonMapper.builder()
                .addModule(m)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** A compact (single-line) mapper for worker messages. */
    public static ObjectMapper compactMapper() {
        return mapper().disable(SerializationFeature.INDENT_OUTPUT);
    }

    private static final class ConfigSerializer extends JsonSerializer<MobileNetConfig> {
        @Override
        public void serialize(MobileNetConfig c, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            g.writeStringField("family", c.family().id());
            if (c.family().hasMinimalistic()) {
                g.writeBooleanField("minimalistic", c.minimalistic());
            }
            g.writeNumberField("alpha", c.alpha());
            g.writeNumberField("resolution", c.resolution());
            g.writeNumberField("classes", c.classes());
            if (c.family() == Family.V1) {
                g.writeStringField("rounding", c.rounding().id());
                g.writeNumberField("blocks14", c.blocks14());
                g.writeBooleanField("standardConv", c.standardConv());
                g.writeStringField("activation", c.activation().id());
            }
            g.writeStringField("label", c.label());
            g.writeEndObject();
        }
    }

    private static final class ConfigDeserializer extends JsonDeserializer<MobileNetConfig> {
        @Override
        public MobileNetConfig deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode n = p.readValueAsTree();
            if (n == null || !n.isObject()) {
                throw InvalidFormatException.from(p, "config: must be an object", n, MobileNetConfig.class);
            }
            if (!n.path("alpha").isNumber() || !n.path("resolution").isIntegralNumber()) {
                throw InvalidFormatException.from(p, "config: alpha (number) and resolution (integer) are required",
                        n, MobileNetConfig.class);
            }
            MobileNetConfig d = MobileNetConfig.DEFAULT;
            try {
                // files written before families existed have no family: V1
                Family family = n.has("family") ? Family.fromId(n.get("family").asText()) : Family.V1;
                return new MobileNetConfig(family, n.get("alpha").asDouble(), n.get("resolution").asInt(),
                        n.path("classes").asInt(d.classes()),
                        n.has("rounding") ? ChannelRounding.fromId(n.get("rounding").asText()) : d.rounding(),
                        n.path("blocks14").asInt(d.blocks14()),
                        n.path("standardConv").asBoolean(d.standardConv()),
                        n.has("activation") ? Activation.fromId(n.get("activation").asText()) : d.activation(),
                        n.path("minimalistic").asBoolean(false));
            } catch (InvalidConfigException e) {
                throw InvalidFormatException.from(p, e.getMessage(), e.value(), MobileNetConfig.class);
            }
        }
    }
}
