package io.switchboard.routing.service;

import io.quarkus.runtime.Startup;
import io.switchboard.routing.classification.ContactClassifier;
import io.switchboard.routing.classification.ContactModel;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Trains the model once, when the engine starts, from the labelled data set bundled in the artifact. */
public class ClassifierProducer {

    private static final Logger LOG = Logger.getLogger(ClassifierProducer.class);

    // At startup, not on the first contact: training takes about a second.
    @Produces
    @Singleton
    @Startup
    ContactClassifier classifier() {
        long start = System.nanoTime();
        ContactModel model = ContactModel.bundled();
        LOG.infof("Classifier trained on %d labelled contacts (%d features) in %d ms", model.trainedOn(),
                model.rst().vocabularySize(), (System.nanoTime() - start) / 1_000_000);
        return new ContactClassifier(model);
    }
}
