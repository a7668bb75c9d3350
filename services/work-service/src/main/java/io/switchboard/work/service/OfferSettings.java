package io.switchboard.work.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "switchboard.offers")
public interface OfferSettings {

    /** A webshop order of the offered product by the same customer this long after the offer counts as taken. */
    @WithDefault("P14D")
    Duration orderWindow();
}
