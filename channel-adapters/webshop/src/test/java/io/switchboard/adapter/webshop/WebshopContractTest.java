package io.switchboard.adapter.webshop;

import io.switchboard.adapter.core.testing.WebhookContractTest;
import io.switchboard.contracts.Channel;

/** The three webshop endpoints owe their gateways the same behaviour, all on the WEBSHOP channel. */
abstract class WebshopContractTest extends WebhookContractTest {

    @Override
    protected Channel channel() {
        return Channel.WEBSHOP;
    }
}
