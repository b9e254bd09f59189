package io.trailwatch.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Rejects unknown keys of a record <em>before</em> its constructor runs. Jackson collects the unknown keys
 * of a creator-built object and reports them only after construction, so a misspelt required key
 * ({@code strat} for {@code start}) would surface as the constructor's "missing key" instead of the typo.
 */
final class StrictRecordDeserializer extends DelegatingDeserializer {

    private static final long serialVersionUID = 1L;

    StrictRecordDeserializer(JsonDeserializer<?> delegate) {
        super(delegate);
    }

    static BeanDeserializerModifier modifier() {
        return new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                return description.getBeanClass().isRecord() && deserializer instanceof BeanDeserializerBase
                        ? new StrictRecordDeserializer(deserializer) : deserializer;
            }
        };
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
        return new StrictRecordDeserializer(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!(_delegatee instanceof BeanDeserializerBase bean)) {
            return super.deserialize(p, ctxt);
        }
        TokenBuffer copy;
        if (p.hasToken(JsonToken.START_OBJECT)) {
            copy = ctxt.bufferAsCopyOfValue(p);
        } else if (p.hasToken(JsonToken.FIELD_NAME)) {
            copy = remainingFields(p, ctxt);
        } else {
            return super.deserialize(p, ctxt);
        }
        Collection<Object> known = bean.getKnownPropertyNames();
        Set<String> knownNames = new HashSet<>();
        known.forEach(k -> knownNames.add(String.valueOf(k)));
        try (JsonParser scan = copy.asParserOnFirstToken()) {
            for (JsonToken t = scan.nextToken(); t == JsonToken.FIELD_NAME; t = scan.nextToken()) {
                String name = scan.currentName();
                if (!knownNames.contains(name)) {
                    throw UnrecognizedPropertyException.from(p, handledType(), name, known);
                }
                scan.nextToken();
                scan.skipChildren();
            }
        }
        JsonParser replay = copy.asParserOnFirstToken();
        return _delegatee.deserialize(replay, ctxt);
    }

    /**
     * A subtype chosen by a {@code type} key is handed over mid-object, its type key already read: buffers
     * the remaining fields as an object of their own.
     */
    private static TokenBuffer remainingFields(JsonParser p, DeserializationContext ctxt) throws IOException {
        TokenBuffer copy = ctxt.bufferForInputBuffering(p);
        copy.writeStartObject();
        for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            copy.writeFieldName(p.currentName());
            p.nextToken();
            copy.copyCurrentStructure(p);
        }
        copy.writeEndObject();
        return copy;
    }
}
