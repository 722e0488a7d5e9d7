package oms.chassis.web;

import com.fasterxml.jackson.core.JsonParser;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.serde.jackson.SerdeJacksonConfiguration;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;

/**
 * A key given twice in one object is a 400, not "the last one wins": every JSON parser the
 * services create detects duplicates, whatever each service's configuration says.
 */
@Singleton
class StrictJsonParsing implements BeanCreatedEventListener<SerdeJacksonConfiguration> {

    @Override
    public SerdeJacksonConfiguration onCreated(BeanCreatedEvent<SerdeJacksonConfiguration> event) {
        SerdeJacksonConfiguration configuration = event.getBean();
        Map<JsonParser.Feature, Boolean> features = new EnumMap<>(JsonParser.Feature.class);
        features.putAll(configuration.getParserFeatures());
        features.put(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        configuration.setParserFeatures(features);
        return configuration;
    }
}
