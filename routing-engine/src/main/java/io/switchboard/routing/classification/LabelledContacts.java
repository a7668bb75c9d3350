package io.switchboard.routing.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.contracts.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A labelled data set on the classpath, one JSON object per line; the engine's own is {@value #RESOURCE}. */
public final class LabelledContacts {

    public static final String RESOURCE = "classification/contacts.jsonl";

    private LabelledContacts() {
    }

    /** The contacts the engine's model is trained on. */
    public static List<LabelledContact> bundled() {
        return read(RESOURCE);
    }

    public static List<LabelledContact> read(String resource) {
        ObjectMapper mapper = Json.mapper();
        List<LabelledContact> contacts = new ArrayList<>();
        try (InputStream in = LabelledContacts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    contacts.add(mapper.readValue(line, LabelledContact.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return List.copyOf(contacts);
    }

    /**
     * Deals the contacts to {@code folds} folds, stratified: within each (RST, intent) group the contacts go round
     * the folds in list order, so every fold has its share of the rare combinations. Returns each contact's fold.
     */
    public static int[] stratifiedFolds(List<LabelledContact> contacts, int folds) {
        Map<String, Integer> dealt = new HashMap<>();
        return contacts.stream().mapToInt(contact -> dealt.merge(contact.rst() + "/" + contact.intent(), 1,
                Integer::sum) % folds).toArray();
    }
}
